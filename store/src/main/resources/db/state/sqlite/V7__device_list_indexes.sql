-- Indexes behind filtered, ordered device lists (REST $orderby, the UI's sortable columns). Each
-- index expression equals the sort key DeviceListSql orders and pages by, with id as the keyset
-- tie-break, so a page is an index range scan in either direction. Must stay equivalent to
-- postgres/V7__device_list_indexes.sql.
CREATE INDEX devices_display_name_sort ON devices (lower(display_name), id);
CREATE INDEX devices_template_sort ON devices (COALESCE(template, ''), id);
CREATE INDEX devices_last_activity_sort ON devices (COALESCE(last_activity, -1), id);
CREATE INDEX devices_enabled_sort ON devices (enabled, id);
CREATE INDEX devices_provisioned_sort ON devices (provisioned, id);
CREATE INDEX devices_simulated_sort ON devices (simulated, id);
CREATE INDEX devices_connected_sort ON devices (connected, id);
