import pytest
from django.core.exceptions import ValidationError

from users.validators import PasswordComplexityValidator, normalize_phone, validate_username


@pytest.mark.parametrize(
    "raw",
    ["081234567890", "+6281234567890", "6281234567890", "0812-3456-7890", "+62 812 3456 7890"],
)
def test_phone_forms_normalise_to_one(raw):
    assert normalize_phone(raw) == "6281234567890"


@pytest.mark.parametrize("raw", ["0812345", "08123456789012345", "12345678901", "0812abc45678", "0212345678"])
def test_bad_phone_numbers_are_refused(raw):
    with pytest.raises(ValidationError):
        normalize_phone(raw)


@pytest.mark.parametrize("name", ["budi", "budi.santoso", "budi_99"])
def test_good_usernames(name):
    validate_username(name)


@pytest.mark.parametrize("name", ["Budi", "budi santoso", "budi-99", "búdi", "budi@rumah"])
def test_bad_usernames(name):
    with pytest.raises(ValidationError):
        validate_username(name)


@pytest.mark.parametrize("password", ["alllower1!", "ALLUPPER1!", "NoDigits!!", "NoSpecial12"])
def test_password_needs_every_character_class(password):
    with pytest.raises(ValidationError):
        PasswordComplexityValidator().validate(password)


def test_complex_password_passes():
    PasswordComplexityValidator().validate("Purbalingga#2026")
