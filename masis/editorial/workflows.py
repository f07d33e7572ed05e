"""What approving a submission does (``settings.WAGTAIL_FINISH_WORKFLOW_ACTION``).

Imported while ``wagtail.models`` loads: keep this module free of model imports.
"""


def publish_approved(workflow_state, user=None):
    """Publish what the moderators approved.

    Wagtail's default action publishes as the approving user and so requires that user to hold
    publish permission on the page. Our moderators approve or reject, nothing more: the approval
    itself — which the workflow lets only members of the task's groups give — is the permission.
    """
    revision = workflow_state.content_object.get_latest_revision()
    revision.publish(user=user, skip_permission_checks=True)
