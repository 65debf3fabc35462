"""Project-wide CMS settings, shown in the header and footer and read by emails of every app."""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Site

from portal import site_cache


@register_setting(icon="cog")
class SiteSettings(BaseSiteSetting):
    app_name = models.CharField(_("nama aplikasi"), max_length=100, default="Kepenak Ngodene")
    tagline = models.CharField(
        _("slogan"), max_length=200, default="Bursa Kerja dan Penyedia Jasa Kabupaten Purbalingga"
    )
    agency_name = models.CharField(
        _("nama instansi pengelola"),
        max_length=200,
        default="Dinas Komunikasi dan Informatika Kabupaten Purbalingga",
    )
    address = models.CharField(_("alamat"), max_length=255, blank=True)
    phone = models.CharField(_("telepon"), max_length=50, blank=True)
    fax = models.CharField(_("faks"), max_length=50, blank=True)
    email = models.EmailField(_("email"), blank=True)
    whatsapp_number = models.CharField(_("nomor WhatsApp"), max_length=20, blank=True)
    facebook_url = models.URLField(_("Facebook"), blank=True)
    instagram_url = models.URLField(_("Instagram"), blank=True)
    x_url = models.URLField(_("X (Twitter)"), blank=True)
    youtube_url = models.URLField(_("YouTube"), blank=True)
    privacy_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("halaman Kebijakan Privasi"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    terms_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("halaman Ketentuan Penggunaan"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    unanswered_application_days = models.PositiveSmallIntegerField(
        _("batas hari lamaran belum direspon"),
        default=7,
        help_text=_("Lamaran yang masih Terkirim setelah sekian hari tampil di Lamaran Belum Direspon."),
    )
    vacancy_reminder_days = models.PositiveSmallIntegerField(
        _("pengingat lowongan berakhir (hari sebelumnya)"),
        default=3,
        help_text=_("Mitra diingatkan sekian hari sebelum lowongannya berakhir."),
    )

    panels = [
        MultiFieldPanel([FieldPanel("app_name"), FieldPanel("tagline")], heading=_("Aplikasi")),
        MultiFieldPanel(
            [
                FieldPanel("agency_name"),
                FieldPanel("address"),
                FieldPanel("phone"),
                FieldPanel("fax"),
                FieldPanel("email"),
                FieldPanel("whatsapp_number"),
            ],
            heading=_("Kontak"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("facebook_url"),
                FieldPanel("instagram_url"),
                FieldPanel("x_url"),
                FieldPanel("youtube_url"),
            ],
            heading=_("Media sosial"),
        ),
        MultiFieldPanel(
            [FieldPanel("privacy_page"), FieldPanel("terms_page")], heading=_("Halaman kebijakan")
        ),
        MultiFieldPanel(
            [FieldPanel("unanswered_application_days"), FieldPanel("vacancy_reminder_days")],
            heading=_("Lowongan dan lamaran"),
        ),
    ]

    class Meta:
        verbose_name = _("Pengaturan Aplikasi")

    @classmethod
    def for_request(cls, request):
        """Wagtail's, with the settings read from the cache (portal/site_cache.py) and kept on the
        request as Wagtail keeps them."""
        attribute = cls.get_cache_attr_name()
        if not hasattr(request, attribute):
            site = Site.find_for_request(request)
            if site is None:
                return super().for_request(request)  # Wagtail's error for a request no site serves
            site_settings = site_cache.cached_settings(cls, site)
            site_settings._request = request  # for its page URLs, as Wagtail sets it
            setattr(request, attribute, site_settings)
        return getattr(request, attribute)

    @classmethod
    def current(cls, request=None):
        """Settings of the request's site, or of the default site outside a request (jobs)."""
        if request is not None:
            return cls.for_request(request)
        site = Site.objects.filter(is_default_site=True).first()
        return cls.for_site(site) if site else cls()

    @property
    def social_links(self):
        links = [
            ("Facebook", self.facebook_url),
            ("Instagram", self.instagram_url),
            ("X", self.x_url),
            ("YouTube", self.youtube_url),
        ]
        return [(name, url) for name, url in links if url]

    @property
    def whatsapp_link(self):
        digits = "".join(ch for ch in self.whatsapp_number if ch.isdigit())
        if digits.startswith("0"):
            digits = "62" + digits[1:]
        return f"https://wa.me/{digits}" if digits else ""


class WhatsAppMessage(models.Model):
    """Outbox of every WhatsApp message the portal sends, with its delivery status."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Antre")
        SENT = "sent", _("Terkirim")
        FAILED = "failed", _("Gagal")

    to = models.CharField(_("tujuan"), max_length=20)
    body = models.TextField(_("isi pesan"))
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.QUEUED)
    attempts = models.PositiveSmallIntegerField(_("percobaan"), default=0)
    error = models.TextField(_("galat terakhir"), blank=True)
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)
    sent_at = models.DateTimeField(_("dikirim"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("pesan WhatsApp")
        verbose_name_plural = _("kotak keluar WhatsApp")

    def __str__(self):
        return f"{self.to}: {self.body[:40]}"


class Broadcast(models.Model):
    """A message sent by staff to many accounts at once: "Pemberitahuan" (in-app notifications) or
    "Kirim Pesan" (WhatsApp). The audience is kept as the filter it was chosen with (``audience``)
    and a readable description; the recipients are resolved once, by the background job."""

    class Kind(models.TextChoices):
        NOTIFICATION = "notification", _("Pemberitahuan")
        WHATSAPP = "whatsapp", _("Pesan WhatsApp")

    class Status(models.TextChoices):
        QUEUED = "queued", _("Diproses")
        DONE = "done", _("Selesai")

    kind = models.CharField(_("jenis"), max_length=12, choices=Kind.choices)
    audience = models.JSONField(_("penerima (filter)"), default=dict, blank=True)
    audience_label = models.CharField(_("penerima"), max_length=255)
    title = models.CharField(_("judul"), max_length=200, blank=True)
    body = models.TextField(_("isi"))
    url = models.CharField(_("tautan"), max_length=300, blank=True)
    recipients_count = models.PositiveIntegerField(_("jumlah penerima"), default=0)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.QUEUED)
    created_by = models.ForeignKey(
        "users.User",
        verbose_name=_("dikirim oleh"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)
    finished_at = models.DateTimeField(_("selesai"), null=True, blank=True)
    submission_key = models.UUIDField(null=True, blank=True, unique=True, editable=False)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("siaran pesan")
        verbose_name_plural = _("siaran pesan")
        indexes = [models.Index(fields=["kind", "-created_at"], name="broadcast_kind_recent")]

    def __str__(self):
        return self.title or f"{self.get_kind_display()} #{self.pk}"


class BackgroundJob(models.Model):
    """One background job in the outbox of portal/job_outbox.py: written in the transaction that asks
    for it (so it exists exactly when that change committed), relayed to Redis after the commit and
    run by ``portal.job_outbox.run_job``. ``func`` is the dotted path of an importable function,
    ``args``/``kwargs`` its JSON arguments."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Menunggu")
        QUEUED = "queued", _("Dalam antrean")
        RUNNING = "running", _("Sedang berjalan")
        DONE = "done", _("Selesai")
        FAILED = "failed", _("Gagal")

    func = models.CharField(_("tugas"), max_length=255)
    args = models.JSONField(_("argumen"), default=list, blank=True)
    kwargs = models.JSONField(_("argumen bernama"), default=dict, blank=True)
    queue = models.CharField(_("antrean"), max_length=50, default="default")
    retry_intervals = models.JSONField(_("jeda sebelum coba lagi (detik)"), default=list, blank=True)
    run_after = models.DateTimeField(_("dijalankan setelah"), default=timezone.now)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(_("percobaan"), default=0)
    last_error = models.TextField(_("galat terakhir"), blank=True)
    created_at = models.DateTimeField(_("dibuat"), auto_now_add=True)
    updated_at = models.DateTimeField(_("diperbarui"), auto_now=True)
    finished_at = models.DateTimeField(_("selesai"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("tugas latar belakang")
        verbose_name_plural = _("tugas latar belakang")
        indexes = [models.Index(fields=["status", "run_after"], name="backgroundjob_status_due")]

    def __str__(self):
        return f"{self.func} #{self.pk}"


class RegionTally(models.Model):
    """Counts of the Dasbor per region, kept by PostgreSQL triggers (portal/region_tallies.py): each
    row is a change (+1, -1, or a folded sum) of one ``measure`` ("personal", "application", …) with
    its ``key`` (a status, a category, a registration month) in one kecamatan and desa. A figure is
    the sum of its rows; never written by the application."""

    measure = models.CharField(max_length=20)
    kecamatan_id = models.BigIntegerField(null=True)
    desa_id = models.BigIntegerField(null=True)
    key = models.CharField(max_length=20, blank=True, default="")
    count = models.IntegerField()

    class Meta:
        indexes = [
            models.Index(fields=["measure", "kecamatan_id", "desa_id"], name="regiontally_region"),
        ]

    def __str__(self):
        return f"{self.measure} {self.key} {self.kecamatan_id}/{self.desa_id}: {self.count}"


class PersonalReportState(models.Model):
    """What one Personal profile last counted for in Laporan Personal's region tallies
    (portal/region_tallies.py): its desa, its key (gender and education level), the measures it
    met and the day its account registered. The triggers compare a profile's new state with this
    row and add the difference to the tallies; a report with a registration period counts these
    rows of that period. Never written by the application; the column order is the triggers' row
    type."""

    profile_id = models.BigIntegerField(primary_key=True)
    kecamatan_id = models.BigIntegerField(null=True)
    desa_id = models.BigIntegerField(null=True)
    key = models.CharField(max_length=20)
    verified = models.BooleanField()
    complete = models.BooleanField()
    applied = models.BooleanField()
    accepted = models.BooleanField()
    # In the portal's time zone. Null only until migration portal 0007 recounted the rows.
    joined = models.DateField(null=True)

    class Meta:
        indexes = [models.Index(fields=["joined"], name="report_state_joined")]

    def __str__(self):
        return f"profile {self.profile_id}: {self.key} {self.kecamatan_id}/{self.desa_id}"


class MitraReportTally(models.Model):
    """Laporan Mitra's counts of one Mitra, kept by PostgreSQL triggers
    (portal/mitra_report_tallies.py): each row is a change (or a folded sum) of its vacancies posted
    (every status but Draf), its applications received and those Diterima. A Mitra's figures are
    the sums of its rows. No foreign key constraint: the rows of a deleted Mitra sum to zero and
    are folded away. Never written by the application."""

    mitra = models.ForeignKey(
        "users.MitraProfile", on_delete=models.DO_NOTHING, db_constraint=False, related_name="+"
    )
    vacancies = models.IntegerField(default=0)
    applicants = models.IntegerField(default=0)
    accepted = models.IntegerField(default=0)

    def __str__(self):
        return f"mitra {self.mitra_id}: {self.vacancies}/{self.applicants}/{self.accepted}"
