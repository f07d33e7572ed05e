"""Settings > Login lockouts: who django-axes has locked out, and a way to unlock them."""

from axes.models import AccessAttempt
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy


class LockoutPermissionPolicy(ModelPermissionPolicy):
    """Failed attempts are listed and deleted (which unlocks), never written by hand."""

    def user_has_permission(self, user, action):
        if action in ("add", "change"):
            return False
        return super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission(
            [action for action in actions if action not in ("add", "change")]
        )


register_permission_policy(AccessAttempt, LockoutPermissionPolicy(AccessAttempt))


class LoginLockoutViewSet(ModelViewSet):
    model = AccessAttempt
    icon = "lock"
    name = "login-lockouts"
    menu_label = _("Login lockouts")
    add_to_settings_menu = True
    copy_view_enabled = False
    form_fields = ["username"]
    list_display = ["username", "ip_address", "failures_since_start", "attempt_time"]
    search_fields = ["username", "ip_address"]


@hooks.register("register_admin_viewset")
def register_login_lockouts():
    return LoginLockoutViewSet()
