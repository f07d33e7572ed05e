"""A rich-text feature that keeps a name marked as French through the page editor.

English and Armenian texts name French organisations (``<span lang="fr">Médecins du
Monde</span>``) so that screen readers pronounce them in French. Draftail drops every element
it has no feature for: without this one, the first save of a page in the admin would remove the
marks the seed and the translators put there.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.rich_text.converters.html_to_contentstate import InlineStyleElementHandler
from wagtail.admin.rich_text.editors.draftail.features import InlineStyleFeature

FRENCH_NAME_FEATURE = "lang-fr"
FRENCH_NAME_STYLE = "LANG_FR"


@hooks.register("register_rich_text_features")
def register_french_name_feature(features):
    features.register_editor_plugin(
        "draftail",
        FRENCH_NAME_FEATURE,
        InlineStyleFeature(
            {
                "type": FRENCH_NAME_STYLE,
                "label": "FR",
                "description": _("In French (a name read in French)"),
                "style": {"textDecoration": "underline dotted"},
            }
        ),
    )
    features.register_converter_rule(
        "contentstate",
        FRENCH_NAME_FEATURE,
        {
            "from_database_format": {
                'span[lang="fr"]': InlineStyleElementHandler(FRENCH_NAME_STYLE)
            },
            "to_database_format": {
                "style_map": {FRENCH_NAME_STYLE: {"element": "span", "props": {"lang": "fr"}}}
            },
        },
    )
