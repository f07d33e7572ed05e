"""One Content-Security-Policy for public pages, another for the Wagtail admin.

Public pages get settings.CONTENT_SECURITY_POLICY (no inline script, nothing from another
host). Wagtail's admin still needs inline scripts and styles: below ADMIN_URL_PREFIX it gets
settings.ADMIN_CONTENT_SECURITY_POLICY instead, same-origin only. A response that sets its own
header (Wagtail's document view sends "default-src 'none'") keeps it.
"""

from csp.middleware import CSPMiddleware
from django.conf import settings


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        admin_policy = getattr(settings, "ADMIN_CONTENT_SECURITY_POLICY", None)
        if (
            not report_only
            and admin_policy
            and parts.config is None
            and request.path_info.startswith(settings.ADMIN_URL_PREFIX)
        ):
            parts.config = admin_policy["DIRECTIVES"]
        return parts
