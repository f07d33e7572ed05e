from wagtail.api.v2.router import WagtailAPIRouter

from .views import LocalizedPagesAPIViewSet

api_router = WagtailAPIRouter("wagtailapi")
# Events and partners are pages: ?type=timeline.CooperationEventPage, ?type=partners.PartnerPage
api_router.register_endpoint("pages", LocalizedPagesAPIViewSet)
