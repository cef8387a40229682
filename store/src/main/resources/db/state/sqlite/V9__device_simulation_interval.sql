-- How often a simulated device sends, in milliseconds; NULL means the server's default
-- (--simulation-interval). Must stay equivalent to postgres/V9__device_simulation_interval.sql.
ALTER TABLE devices ADD COLUMN simulation_interval_ms BIGINT;
