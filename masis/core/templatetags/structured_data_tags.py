from django import template

from masis.core.structured_data import json_ld_script

register = template.Library()


@register.simple_tag
def json_ld(data):
    """{% json_ld structured_data %}: a page's schema.org dict as its JSON-LD <script>."""
    return json_ld_script(data)
