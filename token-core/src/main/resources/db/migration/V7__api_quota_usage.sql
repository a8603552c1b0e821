-- Requests per user, service and minute, summed over every instance on this database (ApiQuotas in token-core):
-- each instance adds what it counted about once a second and reads the totals of all back, so the ingress check
-- itself only ever looks at memory. Rows older than two minutes are deleted by whichever instance comes first.
CREATE TABLE api_quota_usage (
    username VARCHAR(64) NOT NULL,
    service VARCHAR(64) NOT NULL,
    window_start BIGINT NOT NULL,
    used INTEGER NOT NULL,
    PRIMARY KEY (username, service, window_start)
);
CREATE INDEX api_quota_usage_by_window ON api_quota_usage (window_start);
