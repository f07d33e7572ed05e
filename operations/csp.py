"""One Content-Security-Policy for public pages, another for the Wagtail admin.

Public pages get settings.CONTENT_SECURITY_POLICY (no inline script, nothing from another
host). Wagtail's admin still needs inline scripts and styles: below ADMIN_URL_PREFIX it gets
settings.ADMIN_CONTENT_SECURITY_POLICY instead, same-origin only. A public response that sets
its own header (Wagtail's document view sends "default-src 'none'") keeps it.

Wagtail renders a page preview by passing a fake request for the page's public URL through the
middleware again: that inner response arrives here with the public policy (which forbids being
framed), and is replaced by the admin policy so that the preview panel can show it.
"""

from csp.constants import HEADER
from csp.middleware import CSPMiddleware
from django.conf import settings


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    def process_response(self, request, response):
        if request.path_info.startswith(settings.ADMIN_URL_PREFIX):
            del response[HEADER]  # a preview's inner response carries the public policy
        return super().process_response(request, response)

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
