"""The contact form built from the page's fields: accessible errors, autofill, a robot trap."""

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.contrib.forms.forms import BaseForm, FormBuilder, WagtailAdminFormPageForm

from masis.editorial.forms import BasePageForm

# A field people never see (hidden by CSS) and robots fill in: such messages are dropped.
TRAP_FIELD = "website_address"
MESSAGE_MAX_LENGTH = 5000

INVALID_MESSAGES = {
    "email": _("“%(label)s” must be an e-mail address, such as name@example.org."),
    "url": _("“%(label)s” must be a web address, such as https://example.org/."),
    "number": _("“%(label)s” must be a number."),
    "date": _("“%(label)s” must be a valid date."),
    "datetime": _("“%(label)s” must be a valid date and time."),
}
# Any of these in a one-line answer would start a new line of the e-mail, where it could pass
# for a header ("Bcc: …"): str.splitlines() breaks lines at each of them.
LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
# Types whose "invalid" error comes from a validator, formatted with parameters.
VALIDATED_TYPES = {"email", "url"}


class ContactForm(BaseForm):
    """Each field says what is wrong with it, next to it, and is tied to its help and error."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.caught_in_trap = False
        self.fields[TRAP_FIELD] = forms.CharField(
            label=_("Leave this field empty"),
            required=False,
            widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
        )
        for name, field in self.fields.items():
            if field.help_text:
                field.widget.attrs["aria-describedby"] = self.help_id(name)

    def help_id(self, name):
        return f"{self[name].auto_id}-help"

    def error_id(self, name):
        return f"{self[name].auto_id}-error"

    def visible_fields(self):
        return [field for field in super().visible_fields() if field.name != TRAP_FIELD]

    @property
    def trap(self):
        return self[TRAP_FIELD]

    def full_clean(self):
        super().full_clean()
        for name in self.errors:
            if name not in self.fields:
                continue
            attrs = self.fields[name].widget.attrs
            attrs["aria-invalid"] = "true"
            described_by = [self.error_id(name)]
            if self.fields[name].help_text:
                described_by.append(self.help_id(name))
            attrs["aria-describedby"] = " ".join(described_by)

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.pop(TRAP_FIELD, ""):
            self.caught_in_trap = True
        return cleaned_data

    def reply_to_addresses(self):
        """The visitor's e-mail address, so that staff can answer by replying."""
        for name, field in self.fields.items():
            if isinstance(field, forms.EmailField) and self.cleaned_data.get(name):
                return [self.cleaned_data[name]]
        return []


class SingleLineValidator:
    """Refuses a line break in a field that asks for one line (a name, a subject…)."""

    def __init__(self, label):
        self.message = _("“%(label)s” must fit on one line.") % {"label": label}

    def __call__(self, value):
        if any(character in LINE_BREAKS for character in value):
            raise forms.ValidationError(self.message, code="line_break")


class ContactFormBuilder(FormBuilder):
    def create_singleline_field(self, field, options):
        form_field = super().create_singleline_field(field, options)
        form_field.validators.append(SingleLineValidator(str(field.label)))
        return form_field

    def create_multiline_field(self, field, options):
        options["max_length"] = MESSAGE_MAX_LENGTH
        return super().create_multiline_field(field, options)

    def get_field_options(self, field):
        options = super().get_field_options(field)
        # Django %-formats the messages its validators raise with parameters: escape the label.
        raw = {"label": str(field.label)}
        escaped = {"label": raw["label"].replace("%", "%%")}
        messages = {
            "required": _("Please fill in “%(label)s”: this field is required.") % raw,
            "max_length": _(
                "“%(label)s” is too long: %%(limit_value)d characters at most "
                "(it has %%(show_value)d)."
            )
            % escaped,
            "invalid_choice": _("Choose one of the options offered for “%(label)s”.") % escaped,
        }
        if field.field_type in INVALID_MESSAGES:
            validated = field.field_type in VALIDATED_TYPES
            messages["invalid"] = INVALID_MESSAGES[field.field_type] % (
                escaped if validated else raw
            )
        options["error_messages"] = messages
        return options

    @property
    def formfields(self):
        formfields = super().formfields
        for field in self.fields:
            name = field.clean_name or field.get_field_clean_name()
            autocomplete = getattr(field, "autocomplete", "")
            if autocomplete and name in formfields:
                formfields[name].widget.attrs["autocomplete"] = autocomplete
        return formfields

    def get_form_class(self):
        return type("ContactForm", (ContactForm,), self.formfields)


class ContactPageForm(BasePageForm, WagtailAdminFormPageForm):
    """The contact page's admin form: every page's checks and the form fields' own."""
