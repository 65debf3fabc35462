"""One-time form keys against double submits (Posting, Tambah Jasa, Pengumuman).

A key is unique across its table. A form carrying a key that another account's row already holds
was forged or replayed: that row is not the submitter's to return, so the submission goes ahead
without a key rather than colliding with it."""


def usable_key(model, key, **owner):
    """``key``, or None when a row of ``model`` not owned by ``owner`` (e.g. ``mitra=…``) has it."""
    if key and model.objects.filter(submission_key=key).exclude(**owner).exists():
        return None
    return key
