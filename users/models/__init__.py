from .audit import ProfileAccessAction, ProfileAccessLog
from .mitra import BidangUsaha, MitraDocument, MitraProfile
from .notifications import Notification
from .otp import PhoneOTP
from .personal import Education, Organisation, Pendidikan, PersonalProfile, Skill, WorkExperience
from .regions import Desa, Kecamatan
from .user import User
from .verification import VerificationLog

__all__ = [
    "BidangUsaha",
    "Desa",
    "Education",
    "Kecamatan",
    "MitraDocument",
    "MitraProfile",
    "Notification",
    "Organisation",
    "Pendidikan",
    "PersonalProfile",
    "PhoneOTP",
    "ProfileAccessAction",
    "ProfileAccessLog",
    "Skill",
    "User",
    "VerificationLog",
    "WorkExperience",
]
