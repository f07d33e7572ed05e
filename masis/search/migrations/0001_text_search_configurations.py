"""Accent-insensitive full-text search on PostgreSQL (nothing to do on other databases).

The ``unaccent`` extension is trusted since PostgreSQL 13: a database owner may create it.
Each language gets a text search configuration that runs ``unaccent`` before its stemmer on
words; search.backends uses it for both the indexed text and the query.
"""

from django.db import migrations

# name: (built-in configuration it copies, dictionary after unaccent). PostgreSQL ships no
# Armenian stemmer: Armenian words are only lower-cased.
CONFIGURATIONS = {
    "masis_french": ("french", "french_stem"),
    "masis_english": ("english", "english_stem"),
    "masis_armenian": ("simple", "simple"),
}


def create_configurations(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS unaccent")
    for name, (base, dictionary) in CONFIGURATIONS.items():
        schema_editor.execute(
            f"""
            DO $$ BEGIN
              IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = '{name}') THEN
                CREATE TEXT SEARCH CONFIGURATION {name} (COPY = pg_catalog.{base});
                ALTER TEXT SEARCH CONFIGURATION {name}
                  ALTER MAPPING FOR hword, hword_part, word WITH unaccent, {dictionary};
              END IF;
            END $$;
            """
        )


def drop_configurations(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name in CONFIGURATIONS:
        schema_editor.execute(f"DROP TEXT SEARCH CONFIGURATION IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = []

    operations = [migrations.RunPython(create_configurations, drop_configurations)]
