"""Schoolbag's async clients for school platforms, usable without Home Assistant.

The public API:

- A platform client (``EcoleDirecteClient``, ``PronoteClient``, ``LectioClient``,
  ``ScoDocClient``) is built with its own settings on an ``aiohttp.ClientSession`` the caller
  owns (the client never closes it). Every client implements ``SchoolClient``: ``login()``,
  then ``timetable``, ``homework``, ``grades``, ``school_life``, ``mailbox``, ``canteen`` and
  friends, which return the neutral models below whatever the platform.
- ``Credentials`` holds the username, the secret and the ``trust`` a client hands back after
  logging in (persist it: it spares a new double authentication and carries rotating tokens).
- Every error is a ``SchoolError``; the subclasses say what to do (log in again, wait
  ``retry_after`` seconds, answer a ``Challenge``...). Messages never hold a secret.
- ``RequestBudget`` caps what one account may send (a token bucket and a cap on any 24
  hours): add its ``middleware`` to the account's session, and a request past the budget
  raises ``RequestBudgetExceededError`` instead of leaving.
- The platform subpackages add what is specific to a platform, such as finding a Lectio
  school or a ScoDoc student.

Nothing here imports Home Assistant; ``scripts/test-client`` runs the client's tests in an
environment without it.
"""

from .ecoledirecte import EcoleDirecteClient
from .errors import (
    ChallengeFailedError,
    DoubleAuthRequiredError,
    InvalidCredentialsError,
    IpSuspendedError,
    NotFoundError,
    NotSupportedError,
    PermissionDeniedError,
    ProtocolChangedError,
    RateLimitedError,
    RequestBudgetExceededError,
    SchoolError,
    ServerUnavailableError,
    SessionExpiredError,
)
from .http import BudgetLimits, RequestBudget
from .lectio import LectioClient
from .models import (
    PLATFORM_COUNTRIES,
    PLATFORM_NAMES,
    Absence,
    AbsenceRate,
    AbsenceRateKind,
    Account,
    AccountKind,
    Acquisition,
    Attachment,
    Average,
    AverageKind,
    Canteen,
    CanteenReservation,
    Capability,
    Challenge,
    ChallengeKind,
    ChallengeOption,
    Delay,
    Dish,
    DishKind,
    Food,
    Grade,
    GradeBook,
    GradeMark,
    Homework,
    HomeworkKind,
    Information,
    Lesson,
    LessonStatus,
    Mailbox,
    Meal,
    MenuDay,
    MenuMeal,
    MessageSummary,
    Period,
    Punishment,
    SchoolLife,
    SchoolPlatform,
    SkillEvaluation,
    Student,
    Wallet,
)
from .pronote import PronoteClient
from .protocol import (
    Credentials,
    SchoolClient,
)
from .scodoc import ScoDocClient

__all__ = [
    "PLATFORM_COUNTRIES",
    "PLATFORM_NAMES",
    "Absence",
    "AbsenceRate",
    "AbsenceRateKind",
    "Account",
    "AccountKind",
    "Acquisition",
    "Attachment",
    "Average",
    "AverageKind",
    "BudgetLimits",
    "Canteen",
    "CanteenReservation",
    "Capability",
    "Challenge",
    "ChallengeFailedError",
    "ChallengeKind",
    "ChallengeOption",
    "Credentials",
    "Delay",
    "Dish",
    "DishKind",
    "DoubleAuthRequiredError",
    "EcoleDirecteClient",
    "Food",
    "Grade",
    "GradeBook",
    "GradeMark",
    "Homework",
    "HomeworkKind",
    "Information",
    "InvalidCredentialsError",
    "IpSuspendedError",
    "LectioClient",
    "Lesson",
    "LessonStatus",
    "Mailbox",
    "Meal",
    "MenuDay",
    "MenuMeal",
    "MessageSummary",
    "NotFoundError",
    "NotSupportedError",
    "Period",
    "PermissionDeniedError",
    "PronoteClient",
    "ProtocolChangedError",
    "Punishment",
    "RateLimitedError",
    "RequestBudget",
    "RequestBudgetExceededError",
    "SchoolClient",
    "SchoolError",
    "SchoolLife",
    "SchoolPlatform",
    "ScoDocClient",
    "ServerUnavailableError",
    "SessionExpiredError",
    "SkillEvaluation",
    "Student",
    "Wallet",
]
