"""Where contact forms post.

Visitors get no cookie (operations.csrf), so the form carries no CSRF token: this view accepts
posts from the site's own pages only (Origin or Referer), and the page does the rest (validation,
rate limit, robot trap, storage, e-mail). Posts to the page's own URL still need Django's token.
"""

from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404

from masis.operations.csrf import same_origin_post

from .models import ContactPage


@same_origin_post
def send_message(request, page_id):
    page = get_object_or_404(ContactPage.objects.live().public(), pk=page_id)
    if request.method != "POST":
        return HttpResponseRedirect(page.get_url(request))
    return page.serve(request)
