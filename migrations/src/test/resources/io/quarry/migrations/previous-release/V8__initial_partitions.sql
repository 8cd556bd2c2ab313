-- Partitions for the rolling window reports usually read: twelve months back to three
-- months ahead of the day the schema was created. Loaders and operators extend the range
-- with quarry_create_time_partitions (the demo loader does so for its own date range).

SELECT quarry_create_time_partitions('ad_stats_daily',
    (date_trunc('month', now()) - interval '12 months')::date,
    (date_trunc('month', now()) + interval '3 months')::date);

SELECT quarry_create_time_partitions('events',
    (date_trunc('month', now()) - interval '12 months')::date,
    (date_trunc('month', now()) + interval '3 months')::date);
