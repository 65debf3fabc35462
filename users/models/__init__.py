from .mitra import BidangUsaha, MitraProfile
from .otp import PhoneOTP
from .regions import Desa, Kecamatan
from .user import User

__all__ = ["BidangUsaha", "Desa", "Kecamatan", "MitraProfile", "PhoneOTP", "User"]
