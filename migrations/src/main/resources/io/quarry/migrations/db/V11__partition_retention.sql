-- The one place that drops old time partitions.
--
-- quarry_drop_time_partitions(table, older_than) drops every partition of a table partitioned
-- by range on a date or timestamptz column whose range ends on or before older_than (a UTC
-- midnight): the partition holds nothing newer. With Citus it calls drop_old_time_partitions,
-- which drops the partition's shards on the workers too; on plain PostgreSQL it reads each
-- partition's upper bound from its partition bound. Partitions without an upper bound (a
-- DEFAULT partition, MAXVALUE) are never dropped. Returns the number of partitions dropped.
-- Quarry's partition maintenance calls it on a schedule with each table's retention.

CREATE FUNCTION quarry_drop_time_partitions(p_table regclass, p_older_than date)
RETURNS integer
LANGUAGE plpgsql
SET TimeZone = 'UTC'
AS $$
DECLARE
    v_before  integer;
    v_dropped integer;
    r         record;
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_partitioned_table WHERE partrelid = p_table) THEN
        RAISE EXCEPTION '% is not a partitioned table', p_table;
    END IF;

    SELECT count(*) INTO v_before FROM pg_inherits WHERE inhparent = p_table;

    IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'citus') THEN
        CALL drop_old_time_partitions(p_table, p_older_than::timestamptz);
    ELSE
        FOR r IN
            SELECT n.nspname AS schema_name, c.relname AS table_name,
                   substring(pg_get_expr(c.relpartbound, c.oid) FROM 'TO \(''([^'']+)''\)') AS upper_bound
            FROM pg_inherits i
            JOIN pg_class c ON c.oid = i.inhrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE i.inhparent = p_table
        LOOP
            IF r.upper_bound IS NOT NULL AND r.upper_bound::timestamptz <= p_older_than::timestamptz THEN
                EXECUTE format('DROP TABLE %I.%I', r.schema_name, r.table_name);
            END IF;
        END LOOP;
    END IF;

    SELECT v_before - count(*) INTO v_dropped FROM pg_inherits WHERE inhparent = p_table;
    RETURN v_dropped;
END;
$$;
