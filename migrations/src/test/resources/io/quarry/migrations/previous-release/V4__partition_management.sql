-- The one place that creates time partitions for a new range.
--
-- quarry_create_time_partitions(table, from, to) makes sure monthly partitions cover
-- [from, to) for a table partitioned by range on a date or timestamptz column. With Citus it
-- calls create_time_partitions, which also distributes the new partitions; on plain PostgreSQL
-- it creates partitions named as Citus would (<table>_pYYYY_MM). Boundaries are UTC month
-- starts. It is idempotent and returns the number of partitions it created.

CREATE FUNCTION quarry_create_time_partitions(p_table regclass, p_from date, p_to date)
RETURNS integer
LANGUAGE plpgsql
-- Month boundaries are UTC midnights whatever the caller's session time zone is.
SET TimeZone = 'UTC'
AS $$
DECLARE
    v_schema  text;
    v_table   text;
    v_month   date;
    v_created integer := 0;
    v_before  integer;
BEGIN
    IF p_to <= p_from THEN
        RAISE EXCEPTION 'partition range is empty: [%, %)', p_from, p_to;
    END IF;

    SELECT n.nspname, c.relname INTO v_schema, v_table
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE c.oid = p_table AND c.relkind = 'p';
    IF v_table IS NULL THEN
        RAISE EXCEPTION '% is not a partitioned table', p_table;
    END IF;

    SELECT count(*) INTO v_before FROM pg_inherits WHERE inhparent = p_table;

    IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'citus') THEN
        PERFORM create_time_partitions(
            table_name         := p_table,
            partition_interval := interval '1 month',
            end_at             := p_to::timestamptz,
            start_from         := date_trunc('month', p_from::timestamptz));
    ELSE
        v_month := date_trunc('month', p_from)::date;
        WHILE v_month < p_to LOOP
            EXECUTE format('CREATE TABLE IF NOT EXISTS %I.%I PARTITION OF %I.%I FOR VALUES FROM (%L) TO (%L)',
                           v_schema, v_table || '_p' || to_char(v_month, 'YYYY_MM'),
                           v_schema, v_table,
                           v_month, (v_month + interval '1 month')::date);
            v_month := (v_month + interval '1 month')::date;
        END LOOP;
    END IF;

    SELECT count(*) - v_before INTO v_created FROM pg_inherits WHERE inhparent = p_table;
    RETURN v_created;
END;
$$;
