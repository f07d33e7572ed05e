from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class TranslationSource(models.Model):
    """The French text a translation was made from: one field of one object in one language.

    When the French text no longer reads as it did (``source_hash``), the translation is
    outdated, until a translator changes it (``target_hash`` then differs) or marks it still
    valid. Recorded by :mod:`masis.multilingual.sources` whenever translated content is saved.
    """

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    object_id = models.CharField(max_length=64)
    field = models.CharField(max_length=64)
    language = models.CharField(max_length=8)
    source_hash = models.CharField(max_length=64)
    source_text = models.TextField(blank=True)
    target_hash = models.CharField(max_length=64)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("translation source")
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id", "field", "language"],
                name="one_translation_source_per_field_and_language",
            )
        ]

    def __str__(self):
        return f"{self.content_type_id}:{self.object_id}:{self.field}:{self.language}"
