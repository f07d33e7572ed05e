from django.db import migrations


def number_unordered_rows(apps, schema_editor):
    """Rows the first seed created without sort_order: number them in creation order."""
    for name in ("KeyFigure", "EconomicSector"):
        model = apps.get_model("pages", name)
        pages = model.objects.filter(sort_order__isnull=True).values_list("page_id", flat=True)
        for page_id in set(pages):
            rows = model.objects.filter(page_id=page_id).order_by("sort_order", "pk")
            for index, row in enumerate(rows):
                model.objects.filter(pk=row.pk).update(sort_order=index)


class Migration(migrations.Migration):
    dependencies = [("pages", "0002_town_profile")]

    operations = [migrations.RunPython(number_unordered_rows, migrations.RunPython.noop)]
