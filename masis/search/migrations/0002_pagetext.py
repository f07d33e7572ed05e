from django.db import migrations, models

import django.contrib.postgres.search
import django.db.models.deletion

GIN_INDEX = "search_pagetext_vector_gin"


def create_gin_index(apps, schema_editor):
    # SQLite has no GIN index, and search.engine does not read this table there.
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {GIN_INDEX} ON search_pagetext USING gin (vector)"
        )


def drop_gin_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {GIN_INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0001_text_search_configurations"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.CreateModel(
            name="PageText",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("language", models.CharField(max_length=8)),
                ("vector", django.contrib.postgres.search.SearchVectorField()),
                (
                    "page",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="wagtailcore.page",
                    ),
                ),
            ],
            options={
                "constraints": [
                    models.UniqueConstraint(
                        fields=("page", "language"), name="search_one_text_per_language"
                    )
                ],
            },
        ),
        migrations.RunPython(create_gin_index, drop_gin_index),
    ]
