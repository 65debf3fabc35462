"""Migration operations for a live installation (docs/operations.md, "Migrations on a running
installation")."""

from django.db.migrations import AddIndex


class AddIndexConcurrently(AddIndex):
    """An index for PostgreSQL's planner, built with ``CREATE INDEX CONCURRENTLY`` (writes go on while
    it is built; the migration must set ``atomic = False``). Other databases (the SQLite development
    default, which cannot index ``NULLS LAST``) go without it."""

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        model = to_state.apps.get_model(app_label, self.model_name)
        if self._applies(schema_editor, model):
            schema_editor.add_index(model, self.index, concurrently=True)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        model = from_state.apps.get_model(app_label, self.model_name)
        if self._applies(schema_editor, model):
            schema_editor.remove_index(model, self.index, concurrently=True)

    def _applies(self, schema_editor, model):
        return schema_editor.connection.vendor == "postgresql" and self.allow_migrate_model(
            schema_editor.connection.alias, model
        )
