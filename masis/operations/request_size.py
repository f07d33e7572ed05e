"""Public posts are small: a larger body is refused from its Content-Length, before it is read.

Visitors post little (a contact message, the password of a restricted page): PUBLIC_POST_MAX_SIZE
bytes are plenty. Without this, a 100 MB multipart post to the contact form would be read and
parsed before the form ever saw it. Below ADMIN_URL_PREFIX, staff upload images and documents:
Django's DATA_UPLOAD_MAX_MEMORY_SIZE and Wagtail's upload limits apply there, and nginx's
client_max_body_size (deploy/nginx/masis.conf) before them. Without a Content-Length Django
reads no body at all (a chunked body is buffered and measured by nginx first).
"""

from django.conf import settings
from django.http import HttpResponse
from django.utils.translation import gettext as _

BODY_METHODS = {"POST", "PUT", "PATCH", "DELETE"}


class PublicPostSizeMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method in BODY_METHODS and not request.path_info.startswith(
            settings.ADMIN_URL_PREFIX
        ):
            try:
                length = int(request.META.get("CONTENT_LENGTH") or 0)
            except ValueError:
                length = 0  # Django reads no body it cannot measure
            limit = settings.PUBLIC_POST_MAX_SIZE
            if length > limit:
                message = _(
                    "This request is too large: forms on this site never send more than "
                    "%(size)s KB."
                ) % {"size": limit // 1024}
                return HttpResponse(message, status=413, content_type="text/plain; charset=utf-8")
        return self.get_response(request)
