"""ScoDoc's errors are the shared ones; kept importable from the ScoDoc package.

``PermissionDenied`` (HTTP 403): ScoDoc API accounts are staff accounts and reading needs
the ``ScoView`` permission, given by the ScoDoc administrator through a role held on every
department (or on the students' department). ``NotFound`` (HTTP 404): no such department,
student or semester.
"""

from __future__ import annotations

from ..errors import NotFound, PermissionDenied

__all__ = ["NotFound", "PermissionDenied"]
