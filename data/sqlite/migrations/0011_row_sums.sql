-- Row sums (issue 14): SQLite checks the structure of its pages, not the
-- values in them, so a byte flipped inside a name, a number or a date went
-- unnoticed. Every row now carries row_sum, a 64-bit hash of its values
-- (congres_sum, data/row_sum.go), kept by triggers on every insert and
-- update; the full check (in the background, before every backup, and of
-- every backup restored) recomputes it. The search index is checked by
-- FTS5's own integrity-check; revision, a counter, is left out.
-- A migration that adds a column to one of these tables must drop and
-- create its two triggers again with the new column (TestRowSumTriggers).
-- Never edit this file once released: add 0012_….sql instead.

ALTER TABLE badge_print ADD COLUMN row_sum INTEGER;
UPDATE badge_print SET row_sum = congres_sum(id, participant_id, at, layout);
CREATE TRIGGER badge_print_sum_insert AFTER INSERT ON badge_print BEGIN
    UPDATE badge_print SET row_sum = congres_sum(NEW.id, NEW.participant_id, NEW.at, NEW.layout) WHERE rowid = NEW.rowid;
END;
CREATE TRIGGER badge_print_sum_update AFTER UPDATE OF id, participant_id, at, layout ON badge_print BEGIN
    UPDATE badge_print SET row_sum = congres_sum(NEW.id, NEW.participant_id, NEW.at, NEW.layout) WHERE rowid = NEW.rowid;
END;

ALTER TABLE badge_settings ADD COLUMN row_sum INTEGER;
UPDATE badge_settings SET row_sum = congres_sum(layout, settings);
CREATE TRIGGER badge_settings_sum_insert AFTER INSERT ON badge_settings BEGIN
    UPDATE badge_settings SET row_sum = congres_sum(NEW.layout, NEW.settings) WHERE layout = NEW.layout;
END;
CREATE TRIGGER badge_settings_sum_update AFTER UPDATE OF layout, settings ON badge_settings BEGIN
    UPDATE badge_settings SET row_sum = congres_sum(NEW.layout, NEW.settings) WHERE layout = NEW.layout;
END;

ALTER TABLE bulk_change ADD COLUMN row_sum INTEGER;
UPDATE bulk_change SET row_sum = congres_sum(id, at, by, kind, value, people, undone_at, undone_by);
CREATE TRIGGER bulk_change_sum_insert AFTER INSERT ON bulk_change BEGIN
    UPDATE bulk_change SET row_sum = congres_sum(NEW.id, NEW.at, NEW.by, NEW.kind, NEW.value, NEW.people, NEW.undone_at, NEW.undone_by) WHERE rowid = NEW.rowid;
END;
CREATE TRIGGER bulk_change_sum_update AFTER UPDATE OF id, at, by, kind, value, people, undone_at, undone_by ON bulk_change BEGIN
    UPDATE bulk_change SET row_sum = congres_sum(NEW.id, NEW.at, NEW.by, NEW.kind, NEW.value, NEW.people, NEW.undone_at, NEW.undone_by) WHERE rowid = NEW.rowid;
END;

ALTER TABLE bulk_change_enrolment ADD COLUMN row_sum INTEGER;
UPDATE bulk_change_enrolment SET row_sum = congres_sum(change_id, participant_id, session_id, status_before, at_before, status_after, at_after);
CREATE TRIGGER bulk_change_enrolment_sum_insert AFTER INSERT ON bulk_change_enrolment BEGIN
    UPDATE bulk_change_enrolment SET row_sum = congres_sum(NEW.change_id, NEW.participant_id, NEW.session_id, NEW.status_before, NEW.at_before, NEW.status_after, NEW.at_after) WHERE change_id = NEW.change_id AND participant_id = NEW.participant_id AND session_id = NEW.session_id;
END;
CREATE TRIGGER bulk_change_enrolment_sum_update AFTER UPDATE OF change_id, participant_id, session_id, status_before, at_before, status_after, at_after ON bulk_change_enrolment BEGIN
    UPDATE bulk_change_enrolment SET row_sum = congres_sum(NEW.change_id, NEW.participant_id, NEW.session_id, NEW.status_before, NEW.at_before, NEW.status_after, NEW.at_after) WHERE change_id = NEW.change_id AND participant_id = NEW.participant_id AND session_id = NEW.session_id;
END;

ALTER TABLE bulk_change_participant ADD COLUMN row_sum INTEGER;
UPDATE bulk_change_participant SET row_sum = congres_sum(change_id, participant_id, category_before, status_before, updated_before, category_after, status_after, updated_after);
CREATE TRIGGER bulk_change_participant_sum_insert AFTER INSERT ON bulk_change_participant BEGIN
    UPDATE bulk_change_participant SET row_sum = congres_sum(NEW.change_id, NEW.participant_id, NEW.category_before, NEW.status_before, NEW.updated_before, NEW.category_after, NEW.status_after, NEW.updated_after) WHERE change_id = NEW.change_id AND participant_id = NEW.participant_id;
END;
CREATE TRIGGER bulk_change_participant_sum_update AFTER UPDATE OF change_id, participant_id, category_before, status_before, updated_before, category_after, status_after, updated_after ON bulk_change_participant BEGIN
    UPDATE bulk_change_participant SET row_sum = congres_sum(NEW.change_id, NEW.participant_id, NEW.category_before, NEW.status_before, NEW.updated_before, NEW.category_after, NEW.status_after, NEW.updated_after) WHERE change_id = NEW.change_id AND participant_id = NEW.participant_id;
END;

ALTER TABLE category ADD COLUMN row_sum INTEGER;
UPDATE category SET row_sum = congres_sum(id, name, badge_label, colour, position);
CREATE TRIGGER category_sum_insert AFTER INSERT ON category BEGIN
    UPDATE category SET row_sum = congres_sum(NEW.id, NEW.name, NEW.badge_label, NEW.colour, NEW.position) WHERE rowid = NEW.rowid;
END;
CREATE TRIGGER category_sum_update AFTER UPDATE OF id, name, badge_label, colour, position ON category BEGIN
    UPDATE category SET row_sum = congres_sum(NEW.id, NEW.name, NEW.badge_label, NEW.colour, NEW.position) WHERE rowid = NEW.rowid;
END;

ALTER TABLE checkin ADD COLUMN row_sum INTEGER;
UPDATE checkin SET row_sum = congres_sum(id, participant_id, kind, day, session_id, cancels, at, desk);
CREATE TRIGGER checkin_sum_insert AFTER INSERT ON checkin BEGIN
    UPDATE checkin SET row_sum = congres_sum(NEW.id, NEW.participant_id, NEW.kind, NEW.day, NEW.session_id, NEW.cancels, NEW.at, NEW.desk) WHERE rowid = NEW.rowid;
END;
CREATE TRIGGER checkin_sum_update AFTER UPDATE OF id, participant_id, kind, day, session_id, cancels, at, desk ON checkin BEGIN
    UPDATE checkin SET row_sum = congres_sum(NEW.id, NEW.participant_id, NEW.kind, NEW.day, NEW.session_id, NEW.cancels, NEW.at, NEW.desk) WHERE rowid = NEW.rowid;
END;

ALTER TABLE code_alias ADD COLUMN row_sum INTEGER;
UPDATE code_alias SET row_sum = congres_sum(code, participant_id, at);
CREATE TRIGGER code_alias_sum_insert AFTER INSERT ON code_alias BEGIN
    UPDATE code_alias SET row_sum = congres_sum(NEW.code, NEW.participant_id, NEW.at) WHERE code = NEW.code;
END;
CREATE TRIGGER code_alias_sum_update AFTER UPDATE OF code, participant_id, at ON code_alias BEGIN
    UPDATE code_alias SET row_sum = congres_sum(NEW.code, NEW.participant_id, NEW.at) WHERE code = NEW.code;
END;

ALTER TABLE congress ADD COLUMN row_sum INTEGER;
UPDATE congress SET row_sum = congres_sum(id, name, edition, venue, city, logo, signature, signatory);
CREATE TRIGGER congress_sum_insert AFTER INSERT ON congress BEGIN
    UPDATE congress SET row_sum = congres_sum(NEW.id, NEW.name, NEW.edition, NEW.venue, NEW.city, NEW.logo, NEW.signature, NEW.signatory) WHERE rowid = NEW.rowid;
END;
CREATE TRIGGER congress_sum_update AFTER UPDATE OF id, name, edition, venue, city, logo, signature, signatory ON congress BEGIN
    UPDATE congress SET row_sum = congres_sum(NEW.id, NEW.name, NEW.edition, NEW.venue, NEW.city, NEW.logo, NEW.signature, NEW.signatory) WHERE rowid = NEW.rowid;
END;

ALTER TABLE congress_day ADD COLUMN row_sum INTEGER;
UPDATE congress_day SET row_sum = congres_sum(day);
CREATE TRIGGER congress_day_sum_insert AFTER INSERT ON congress_day BEGIN
    UPDATE congress_day SET row_sum = congres_sum(NEW.day) WHERE day = NEW.day;
END;
CREATE TRIGGER congress_day_sum_update AFTER UPDATE OF day ON congress_day BEGIN
    UPDATE congress_day SET row_sum = congres_sum(NEW.day) WHERE day = NEW.day;
END;

ALTER TABLE desk_op ADD COLUMN row_sum INTEGER;
UPDATE desk_op SET row_sum = congres_sum(op, desk, folded_at);
CREATE TRIGGER desk_op_sum_insert AFTER INSERT ON desk_op BEGIN
    UPDATE desk_op SET row_sum = congres_sum(NEW.op, NEW.desk, NEW.folded_at) WHERE op = NEW.op;
END;
CREATE TRIGGER desk_op_sum_update AFTER UPDATE OF op, desk, folded_at ON desk_op BEGIN
    UPDATE desk_op SET row_sum = congres_sum(NEW.op, NEW.desk, NEW.folded_at) WHERE op = NEW.op;
END;

ALTER TABLE desk_pin ADD COLUMN row_sum INTEGER;
UPDATE desk_pin SET row_sum = congres_sum(id, hash, set_at, locked);
CREATE TRIGGER desk_pin_sum_insert AFTER INSERT ON desk_pin BEGIN
    UPDATE desk_pin SET row_sum = congres_sum(NEW.id, NEW.hash, NEW.set_at, NEW.locked) WHERE rowid = NEW.rowid;
END;
CREATE TRIGGER desk_pin_sum_update AFTER UPDATE OF id, hash, set_at, locked ON desk_pin BEGIN
    UPDATE desk_pin SET row_sum = congres_sum(NEW.id, NEW.hash, NEW.set_at, NEW.locked) WHERE rowid = NEW.rowid;
END;

ALTER TABLE enrolment ADD COLUMN row_sum INTEGER;
UPDATE enrolment SET row_sum = congres_sum(id, participant_id, session_id, status, at);
CREATE TRIGGER enrolment_sum_insert AFTER INSERT ON enrolment BEGIN
    UPDATE enrolment SET row_sum = congres_sum(NEW.id, NEW.participant_id, NEW.session_id, NEW.status, NEW.at) WHERE rowid = NEW.rowid;
END;
CREATE TRIGGER enrolment_sum_update AFTER UPDATE OF id, participant_id, session_id, status, at ON enrolment BEGIN
    UPDATE enrolment SET row_sum = congres_sum(NEW.id, NEW.participant_id, NEW.session_id, NEW.status, NEW.at) WHERE rowid = NEW.rowid;
END;

ALTER TABLE import_mapping ADD COLUMN row_sum INTEGER;
UPDATE import_mapping SET row_sum = congres_sum(header_key, header, mapping, saved_at);
CREATE TRIGGER import_mapping_sum_insert AFTER INSERT ON import_mapping BEGIN
    UPDATE import_mapping SET row_sum = congres_sum(NEW.header_key, NEW.header, NEW.mapping, NEW.saved_at) WHERE header_key = NEW.header_key;
END;
CREATE TRIGGER import_mapping_sum_update AFTER UPDATE OF header_key, header, mapping, saved_at ON import_mapping BEGIN
    UPDATE import_mapping SET row_sum = congres_sum(NEW.header_key, NEW.header, NEW.mapping, NEW.saved_at) WHERE header_key = NEW.header_key;
END;

ALTER TABLE list_preset ADD COLUMN row_sum INTEGER;
UPDATE list_preset SET row_sum = congres_sum(id, name, name_key, columns, filter);
CREATE TRIGGER list_preset_sum_insert AFTER INSERT ON list_preset BEGIN
    UPDATE list_preset SET row_sum = congres_sum(NEW.id, NEW.name, NEW.name_key, NEW.columns, NEW.filter) WHERE rowid = NEW.rowid;
END;
CREATE TRIGGER list_preset_sum_update AFTER UPDATE OF id, name, name_key, columns, filter ON list_preset BEGIN
    UPDATE list_preset SET row_sum = congres_sum(NEW.id, NEW.name, NEW.name_key, NEW.columns, NEW.filter) WHERE rowid = NEW.rowid;
END;

ALTER TABLE merge_log ADD COLUMN row_sum INTEGER;
UPDATE merge_log SET row_sum = congres_sum(id, kept_id, dropped_code, dropped_name, at, dropped_id, kept_row, dropped_row);
CREATE TRIGGER merge_log_sum_insert AFTER INSERT ON merge_log BEGIN
    UPDATE merge_log SET row_sum = congres_sum(NEW.id, NEW.kept_id, NEW.dropped_code, NEW.dropped_name, NEW.at, NEW.dropped_id, NEW.kept_row, NEW.dropped_row) WHERE rowid = NEW.rowid;
END;
CREATE TRIGGER merge_log_sum_update AFTER UPDATE OF id, kept_id, dropped_code, dropped_name, at, dropped_id, kept_row, dropped_row ON merge_log BEGIN
    UPDATE merge_log SET row_sum = congres_sum(NEW.id, NEW.kept_id, NEW.dropped_code, NEW.dropped_name, NEW.at, NEW.dropped_id, NEW.kept_row, NEW.dropped_row) WHERE rowid = NEW.rowid;
END;

ALTER TABLE organisation ADD COLUMN row_sum INTEGER;
UPDATE organisation SET row_sum = congres_sum(id, name, kind, member, region);
CREATE TRIGGER organisation_sum_insert AFTER INSERT ON organisation BEGIN
    UPDATE organisation SET row_sum = congres_sum(NEW.id, NEW.name, NEW.kind, NEW.member, NEW.region) WHERE rowid = NEW.rowid;
END;
CREATE TRIGGER organisation_sum_update AFTER UPDATE OF id, name, kind, member, region ON organisation BEGIN
    UPDATE organisation SET row_sum = congres_sum(NEW.id, NEW.name, NEW.kind, NEW.member, NEW.region) WHERE rowid = NEW.rowid;
END;

ALTER TABLE participant ADD COLUMN row_sum INTEGER;
UPDATE participant SET row_sum = congres_sum(id, code, first_name, last_name, email, phone, organisation_id, job_title, category_id, region, status, fee_cents, paid, diet, accessibility, image_consent, notes, sort_key, name_key, created_at, updated_at);
CREATE TRIGGER participant_sum_insert AFTER INSERT ON participant BEGIN
    UPDATE participant SET row_sum = congres_sum(NEW.id, NEW.code, NEW.first_name, NEW.last_name, NEW.email, NEW.phone, NEW.organisation_id, NEW.job_title, NEW.category_id, NEW.region, NEW.status, NEW.fee_cents, NEW.paid, NEW.diet, NEW.accessibility, NEW.image_consent, NEW.notes, NEW.sort_key, NEW.name_key, NEW.created_at, NEW.updated_at) WHERE rowid = NEW.rowid;
END;
CREATE TRIGGER participant_sum_update AFTER UPDATE OF id, code, first_name, last_name, email, phone, organisation_id, job_title, category_id, region, status, fee_cents, paid, diet, accessibility, image_consent, notes, sort_key, name_key, created_at, updated_at ON participant BEGIN
    UPDATE participant SET row_sum = congres_sum(NEW.id, NEW.code, NEW.first_name, NEW.last_name, NEW.email, NEW.phone, NEW.organisation_id, NEW.job_title, NEW.category_id, NEW.region, NEW.status, NEW.fee_cents, NEW.paid, NEW.diet, NEW.accessibility, NEW.image_consent, NEW.notes, NEW.sort_key, NEW.name_key, NEW.created_at, NEW.updated_at) WHERE rowid = NEW.rowid;
END;

ALTER TABLE participant_day ADD COLUMN row_sum INTEGER;
UPDATE participant_day SET row_sum = congres_sum(participant_id, day);
CREATE TRIGGER participant_day_sum_insert AFTER INSERT ON participant_day BEGIN
    UPDATE participant_day SET row_sum = congres_sum(NEW.participant_id, NEW.day) WHERE participant_id = NEW.participant_id AND day = NEW.day;
END;
CREATE TRIGGER participant_day_sum_update AFTER UPDATE OF participant_id, day ON participant_day BEGIN
    UPDATE participant_day SET row_sum = congres_sum(NEW.participant_id, NEW.day) WHERE participant_id = NEW.participant_id AND day = NEW.day;
END;

ALTER TABLE payment ADD COLUMN row_sum INTEGER;
UPDATE payment SET row_sum = congres_sum(id, participant_id, amount_cents, method, desk, at, undone_at);
CREATE TRIGGER payment_sum_insert AFTER INSERT ON payment BEGIN
    UPDATE payment SET row_sum = congres_sum(NEW.id, NEW.participant_id, NEW.amount_cents, NEW.method, NEW.desk, NEW.at, NEW.undone_at) WHERE rowid = NEW.rowid;
END;
CREATE TRIGGER payment_sum_update AFTER UPDATE OF id, participant_id, amount_cents, method, desk, at, undone_at ON payment BEGIN
    UPDATE payment SET row_sum = congres_sum(NEW.id, NEW.participant_id, NEW.amount_cents, NEW.method, NEW.desk, NEW.at, NEW.undone_at) WHERE rowid = NEW.rowid;
END;

ALTER TABLE rehearsal_checkin ADD COLUMN row_sum INTEGER;
UPDATE rehearsal_checkin SET row_sum = congres_sum(id, participant_id, kind, day, session_id, cancels, at, desk);
CREATE TRIGGER rehearsal_checkin_sum_insert AFTER INSERT ON rehearsal_checkin BEGIN
    UPDATE rehearsal_checkin SET row_sum = congres_sum(NEW.id, NEW.participant_id, NEW.kind, NEW.day, NEW.session_id, NEW.cancels, NEW.at, NEW.desk) WHERE rowid = NEW.rowid;
END;
CREATE TRIGGER rehearsal_checkin_sum_update AFTER UPDATE OF id, participant_id, kind, day, session_id, cancels, at, desk ON rehearsal_checkin BEGIN
    UPDATE rehearsal_checkin SET row_sum = congres_sum(NEW.id, NEW.participant_id, NEW.kind, NEW.day, NEW.session_id, NEW.cancels, NEW.at, NEW.desk) WHERE rowid = NEW.rowid;
END;

ALTER TABLE room ADD COLUMN row_sum INTEGER;
UPDATE room SET row_sum = congres_sum(id, name, capacity, location);
CREATE TRIGGER room_sum_insert AFTER INSERT ON room BEGIN
    UPDATE room SET row_sum = congres_sum(NEW.id, NEW.name, NEW.capacity, NEW.location) WHERE rowid = NEW.rowid;
END;
CREATE TRIGGER room_sum_update AFTER UPDATE OF id, name, capacity, location ON room BEGIN
    UPDATE room SET row_sum = congres_sum(NEW.id, NEW.name, NEW.capacity, NEW.location) WHERE rowid = NEW.rowid;
END;

ALTER TABLE schema_migration ADD COLUMN row_sum INTEGER;
UPDATE schema_migration SET row_sum = congres_sum(version, name, applied_at);
CREATE TRIGGER schema_migration_sum_insert AFTER INSERT ON schema_migration BEGIN
    UPDATE schema_migration SET row_sum = congres_sum(NEW.version, NEW.name, NEW.applied_at) WHERE rowid = NEW.rowid;
END;
CREATE TRIGGER schema_migration_sum_update AFTER UPDATE OF version, name, applied_at ON schema_migration BEGIN
    UPDATE schema_migration SET row_sum = congres_sum(NEW.version, NEW.name, NEW.applied_at) WHERE rowid = NEW.rowid;
END;

ALTER TABLE session ADD COLUMN row_sum INTEGER;
UPDATE session SET row_sum = congres_sum(id, kind, title, description, day, start_min, end_min, room_id, capacity);
CREATE TRIGGER session_sum_insert AFTER INSERT ON session BEGIN
    UPDATE session SET row_sum = congres_sum(NEW.id, NEW.kind, NEW.title, NEW.description, NEW.day, NEW.start_min, NEW.end_min, NEW.room_id, NEW.capacity) WHERE rowid = NEW.rowid;
END;
CREATE TRIGGER session_sum_update AFTER UPDATE OF id, kind, title, description, day, start_min, end_min, room_id, capacity ON session BEGIN
    UPDATE session SET row_sum = congres_sum(NEW.id, NEW.kind, NEW.title, NEW.description, NEW.day, NEW.start_min, NEW.end_min, NEW.room_id, NEW.capacity) WHERE rowid = NEW.rowid;
END;

ALTER TABLE session_person ADD COLUMN row_sum INTEGER;
UPDATE session_person SET row_sum = congres_sum(session_id, participant_id, role);
CREATE TRIGGER session_person_sum_insert AFTER INSERT ON session_person BEGIN
    UPDATE session_person SET row_sum = congres_sum(NEW.session_id, NEW.participant_id, NEW.role) WHERE rowid = NEW.rowid;
END;
CREATE TRIGGER session_person_sum_update AFTER UPDATE OF session_id, participant_id, role ON session_person BEGIN
    UPDATE session_person SET row_sum = congres_sum(NEW.session_id, NEW.participant_id, NEW.role) WHERE rowid = NEW.rowid;
END;

ALTER TABLE stand ADD COLUMN row_sum INTEGER;
UPDATE stand SET row_sum = congres_sum(id, number, name, zone, organisation_id, contact_id, power, tables, chairs, grid_x, grid_y, notes);
CREATE TRIGGER stand_sum_insert AFTER INSERT ON stand BEGIN
    UPDATE stand SET row_sum = congres_sum(NEW.id, NEW.number, NEW.name, NEW.zone, NEW.organisation_id, NEW.contact_id, NEW.power, NEW.tables, NEW.chairs, NEW.grid_x, NEW.grid_y, NEW.notes) WHERE rowid = NEW.rowid;
END;
CREATE TRIGGER stand_sum_update AFTER UPDATE OF id, number, name, zone, organisation_id, contact_id, power, tables, chairs, grid_x, grid_y, notes ON stand BEGIN
    UPDATE stand SET row_sum = congres_sum(NEW.id, NEW.number, NEW.name, NEW.zone, NEW.organisation_id, NEW.contact_id, NEW.power, NEW.tables, NEW.chairs, NEW.grid_x, NEW.grid_y, NEW.notes) WHERE rowid = NEW.rowid;
END;

ALTER TABLE stand_staff ADD COLUMN row_sum INTEGER;
UPDATE stand_staff SET row_sum = congres_sum(stand_id, participant_id);
CREATE TRIGGER stand_staff_sum_insert AFTER INSERT ON stand_staff BEGIN
    UPDATE stand_staff SET row_sum = congres_sum(NEW.stand_id, NEW.participant_id) WHERE rowid = NEW.rowid;
END;
CREATE TRIGGER stand_staff_sum_update AFTER UPDATE OF stand_id, participant_id ON stand_staff BEGIN
    UPDATE stand_staff SET row_sum = congres_sum(NEW.stand_id, NEW.participant_id) WHERE rowid = NEW.rowid;
END;

ALTER TABLE ticket ADD COLUMN row_sum INTEGER;
UPDATE ticket SET row_sum = congres_sum(code, participant_id, source, at);
CREATE TRIGGER ticket_sum_insert AFTER INSERT ON ticket BEGIN
    UPDATE ticket SET row_sum = congres_sum(NEW.code, NEW.participant_id, NEW.source, NEW.at) WHERE code = NEW.code;
END;
CREATE TRIGGER ticket_sum_update AFTER UPDATE OF code, participant_id, source, at ON ticket BEGIN
    UPDATE ticket SET row_sum = congres_sum(NEW.code, NEW.participant_id, NEW.source, NEW.at) WHERE code = NEW.code;
END;
