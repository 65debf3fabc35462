"""Migration operations for a live installation (docs/operations.md, "Migrations on a running
installation")."""

from django.db.migrations import AddIndex


class AddIndexConcurrently(AddIndex):
    """``CREATE INDEX CONCURRENTLY`` on PostgreSQL (writes go on while it is built; the migration
    must set ``atomic = False``); a plain CREATE INDEX on other databases (the SQLite default)."""

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        model = to_state.apps.get_model(app_label, self.model_name)
        if not self.allow_migrate_model(schema_editor.connection.alias, model):
            return
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.add_index(model, self.index, concurrently=True)
        else:
            schema_editor.add_index(model, self.index)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        model = from_state.apps.get_model(app_label, self.model_name)
        if not self.allow_migrate_model(schema_editor.connection.alias, model):
            return
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.remove_index(model, self.index, concurrently=True)
        else:
            schema_editor.remove_index(model, self.index)
