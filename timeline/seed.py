"""The cooperation timeline from the seed text."""

from .models import TimelinePage

TIMELINE = {
    "title": {
        "fr": "La coopération Aix–Masis",
        "en": "Aix–Masis cooperation",
        "hy": "Էքս–Մասիս համագործակցություն",
    },
    "slug": {"fr": "cooperation", "en": "cooperation", "hy": "համագործակցություն"},
    "introduction": {
        "fr": "Les étapes de la coopération entre Aix-en-Provence et Masis, en quelques dates.",
        "en": "The milestones of the cooperation between Aix-en-Provence and Masis.",
        "hy": "Էքս-ան-Պրովանսի և Մասիսի համագործակցության փուլերը՝ մի քանի ամսաթվով։",
    },
}


def load_index(loader):
    home = loader.existing("home")
    if home is None:
        return
    loader.page("timeline", home, TimelinePage, show_in_menus=True, **TIMELINE)


def load_events(loader):
    """The dated events of the seed, under the timeline (once its models exist)."""
