"""One Content-Security-Policy for public pages, another for the Wagtail admin.

Public pages get settings.CONTENT_SECURITY_POLICY (no inline script, nothing from another
host). Wagtail's admin still needs inline scripts and styles: below ADMIN_URL_PREFIX it gets
settings.ADMIN_CONTENT_SECURITY_POLICY instead, same-origin only. A public response that sets
its own header (Wagtail's document view sends "default-src 'none'") keeps it.

Wagtail renders a page preview by passing a fake request for the page's public URL through the
middleware again: that inner response arrives here with the public policy (which forbids being
framed), and is replaced by the admin policy so that the preview panel can show it.
"""

from csp.constants import HEADER, HEADER_REPORT_ONLY
from csp.middleware import CheckableLazyObject, CSPMiddleware
from csp.utils import build_policy
from django.conf import settings


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    def process_response(self, request, response):
        if request.path_info.startswith(settings.ADMIN_URL_PREFIX):
            del response[HEADER]  # a preview's inner response carries the public policy
        elif _uses_default_policy(request, response):
            # Public pages share one policy: build its text once rather than for each
            # response, a noticeable part of a cached page's time.
            response[HEADER] = _default_policy(settings.CONTENT_SECURITY_POLICY)
            # As upstream: a nonce asked for after the header is written is an error.
            request.csp_nonce = CheckableLazyObject(self._csp_nonce_post_response)
            return response
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


_VIEW_POLICY_ATTRIBUTES = ("_csp_exempt", "_csp_config", "_csp_update", "_csp_replace")


def _uses_default_policy(request, response):
    """Whether the response gets settings.CONTENT_SECURITY_POLICY unchanged and nothing else."""
    return (
        getattr(settings, "CONTENT_SECURITY_POLICY", None)
        and HEADER not in response
        and getattr(request, "_csp_nonce", None) is None
        and not getattr(settings, "CONTENT_SECURITY_POLICY_REPORT_ONLY", None)
        and not settings.CONTENT_SECURITY_POLICY.get("EXCLUDE_URL_PREFIXES")
        and not any(hasattr(response, name) for name in _VIEW_POLICY_ATTRIBUTES)
        and HEADER_REPORT_ONLY not in response
    )


_built = (None, "")  # (the settings object it was built from, the header's text)


def _default_policy(config):
    global _built
    # Rebuilt when the settings object changes (a test's override_settings).
    if _built[0] is not config:
        _built = (config, build_policy())
    return _built[1]
