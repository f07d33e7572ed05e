"""The admin's "forgotten password" form, throttled: an address or an account gets at most a
few reset e-mails an hour (WAGTAILADMIN_USER_PASSWORD_RESET_FORM).

Without it, anyone could flood a colleague's mailbox with reset links, or the mail server's
reputation with mail to any address. Past a limit the form answers exactly as before (the
"check your e-mail" page, as for an address no account has), and sends nothing: the answer
never tells whether an account exists.
"""

import hashlib
import logging
import time

from wagtail.admin.forms.auth import PasswordResetForm

from .ratelimit import RateLimit

logger = logging.getLogger(__name__)


class RateLimitPerAccount(RateLimit):
    """A RateLimit counted per e-mail address asked for, whoever asks."""

    def _key(self, email, now):
        account = hashlib.sha256(email.strip().casefold().encode()).hexdigest()[:32]
        return f"ratelimit:{self.scope}:{account}:{int(now // self.period)}"


RESET_PER_ADDRESS = RateLimit("password-reset-address", limit=5, period=3600)
RESET_PER_ACCOUNT = RateLimitPerAccount("password-reset-account", limit=5, period=3600)


class ThrottledPasswordResetForm(PasswordResetForm):
    def save(self, *args, request=None, **kwargs):
        email = self.cleaned_data["email"]
        # Both are counted, whichever refuses: each request spends from both allowances.
        address_allowed = request is None or RESET_PER_ADDRESS.hit(request, now=time.time())
        account_allowed = RESET_PER_ACCOUNT.hit(email, now=time.time())
        if not (address_allowed and account_allowed):
            logger.warning("Password reset: too many requests, no e-mail sent.")
            return
        super().save(*args, request=request, **kwargs)
