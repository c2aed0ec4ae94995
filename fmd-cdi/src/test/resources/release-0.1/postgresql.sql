CREATE TABLE {prefix}code_line (
    id bigint NOT NULL,
    class_name character varying(250) NOT NULL,
    method_name character varying(120) NOT NULL,
    file_name character varying(120) NOT NULL,
    line_number integer NOT NULL
);
CREATE TABLE {prefix}endpoint (
    id bigint NOT NULL,
    name character varying(250) NOT NULL,
    http_method character varying(16) NOT NULL,
    path character varying(480) NOT NULL,
    monitor_level integer NOT NULL,
    time_added timestamp(3) without time zone NOT NULL,
    version_added character varying(100),
    last_requested timestamp(3) without time zone
);
CREATE TABLE {prefix}outlier (
    id bigint NOT NULL,
    request_id bigint NOT NULL,
    endpoint_id bigint NOT NULL,
    time_requested timestamp(3) without time zone NOT NULL,
    stack_trace text,
    cpu_percent double precision,
    heap_used bigint,
    heap_committed bigint,
    request_url text,
    query_params text,
    form_params text,
    request_headers text,
    request_environment text
);
CREATE TABLE {prefix}request (
    id bigint NOT NULL,
    endpoint_id bigint NOT NULL,
    duration numeric(16,4) NOT NULL,
    time_requested timestamp(3) without time zone NOT NULL,
    version_requested character varying(100),
    group_by character varying(255),
    ip character varying(45),
    status_code integer NOT NULL,
    exception_type character varying(255),
    instance character varying(100)
);
CREATE TABLE {prefix}rollup (
    id bigint NOT NULL,
    endpoint_id bigint NOT NULL,
    hour_start timestamp(3) without time zone NOT NULL,
    version character varying(100) NOT NULL,
    instance character varying(100) NOT NULL,
    hits bigint NOT NULL,
    errors bigint NOT NULL,
    total_ms double precision NOT NULL,
    histogram text
);
CREATE TABLE {prefix}sequence (
    seq_name character varying(50) NOT NULL,
    seq_count bigint NOT NULL
);
CREATE TABLE {prefix}stack_line (
    request_id bigint NOT NULL,
    "position" integer NOT NULL,
    indent integer NOT NULL,
    code_line_id bigint NOT NULL,
    duration numeric(16,4) NOT NULL
);
INSERT INTO {prefix}code_line VALUES (1, 'dev.fmd.it.insight.WorkResource', 'report', 'WorkResource.java', 0);
INSERT INTO {prefix}code_line VALUES (2, 'dev.fmd.it.insight.WorkResource', 'slowPart', 'WorkResource.java', 79);
INSERT INTO {prefix}code_line VALUES (3, 'java.lang.Thread', 'sleep', 'Thread.java', -1);
INSERT INTO {prefix}code_line VALUES (4, 'dev.fmd.it.insight.WorkResource', 'fastPart', 'WorkResource.java', 86);
INSERT INTO {prefix}code_line VALUES (5, 'dev.fmd.it.insight.WorkResource', 'remote', 'WorkResource.java', 0);
INSERT INTO {prefix}code_line VALUES (6, 'dev.fmd.it.insight.WorkResource', 'readFromSlowPeer', 'WorkResource.java', 73);
INSERT INTO {prefix}code_line VALUES (7, 'java.net.Socket$SocketInputStream', 'read', 'Socket.java', 961);
INSERT INTO {prefix}code_line VALUES (8, 'java.net.Socket$SocketInputStream', 'read', 'Socket.java', 67);
INSERT INTO {prefix}endpoint VALUES (5, 'ProductResource.add', 'POST', '/api/products', 1, '2026-11-25 11:55:26.858', '1.4.0-it', NULL);
INSERT INTO {prefix}endpoint VALUES (2, 'ReportResource.sales', 'GET', '/api/reports/sales', 1, '2026-11-25 11:55:26.858', '1.4.0-it', '2026-11-25 11:55:28.531');
INSERT INTO {prefix}endpoint VALUES (1, 'ReportResource.primes', 'GET', '/api/reports/primes', 1, '2026-11-25 11:55:26.858', '1.4.0-it', '2026-11-25 11:55:30.072');
INSERT INTO {prefix}endpoint VALUES (7, 'ProductResource.list', 'GET', '/api/products', 1, '2026-11-25 11:55:26.858', '1.4.0-it', '2026-11-25 11:55:32.068');
INSERT INTO {prefix}endpoint VALUES (3, 'OrderResource.order', 'POST', '/api/orders/{productId}', 1, '2026-11-25 11:55:26.858', '1.4.0-it', '2026-11-25 11:55:34.538');
INSERT INTO {prefix}endpoint VALUES (4, 'OrderResource.giftWrap', 'POST', '/api/orders/{productId}/gift-wrap', 1, '2026-11-25 11:55:26.858', '1.4.0-it', '2026-11-25 11:55:34.55');
INSERT INTO {prefix}endpoint VALUES (6, 'ProductResource.get', 'GET', '/api/products/{id}', 1, '2026-11-25 11:55:26.858', '1.4.0-it', '2026-11-25 11:55:34.516');
INSERT INTO {prefix}endpoint VALUES (24, 'WorkResource.ping', 'GET', '/insight/work/ping', 2, '2026-11-25 11:55:47.876', '1.0', '2026-11-25 11:55:48.921');
INSERT INTO {prefix}endpoint VALUES (22, 'WorkResource.report', 'GET', '/insight/work/report', 3, '2026-11-25 11:55:47.876', '1.0', '2026-11-25 11:55:54.965');
INSERT INTO {prefix}endpoint VALUES (25, 'WorkResource.stock', 'GET', '/insight/work/stock', 2, '2026-11-25 11:55:47.876', '1.0', '2026-11-25 11:55:56.224');
INSERT INTO {prefix}endpoint VALUES (21, 'WorkResource.remote', 'GET', '/insight/work/remote', 3, '2026-11-25 11:55:47.876', '1.0', '2026-11-25 11:55:57.635');
INSERT INTO {prefix}endpoint VALUES (23, 'WorkResource.quick', 'GET', '/insight/work/quick', 1, '2026-11-25 11:55:47.876', '1.0', '2026-11-25 11:55:59.584');
INSERT INTO {prefix}endpoint VALUES (26, 'WorkResource.cold', 'GET', '/insight/work/cold', 2, '2026-11-25 11:55:47.876', '1.0', '2026-11-25 11:56:00.975');
INSERT INTO {prefix}outlier VALUES (1, 1035, 25, '2026-11-25 11:55:56.224', E'at java.base@17.0.15/java.lang.Thread.sleep(Native Method)\nat dev.fmd.it.insight.WorkResource.waitForSupplier(WorkResource.java:94)\nat dev.fmd.it.insight.WorkResource$Proxy$_$$_WeldSubclass.waitForSupplier(Unknown Source)\nat dev.fmd.it.insight.WorkResource.stock(WorkResource.java:42)\n', 20.4, 130725888, 178257920, 'http://127.0.0.1:8125/insight/insight/work/stock', E'ms=400\nitem=42\npassword=[redacted]\n', '', E'Host: 127.0.0.1:8125\nauthorization: [redacted]\ncookie: [redacted]\nx-api-token: [redacted]\nx-request-note: visible\nuser-agent: Java-http-client/17.0.15\n', E'server: 127.0.0.1:8125\nscheme: http\nmethod: GET\nremote address: 127.0.0.1\nuser agent: Java-http-client/17.0.15\ncontent type: null\ncontent length: -1\nlocale: en\n');
INSERT INTO {prefix}request VALUES (1, 2, 320.6802, '2026-11-25 11:55:28.531', '1.4.0-it', '(customer,slow-1ec9d902-f211-48a6-8254-3d6c72d52408)', '127.0.0.1', 200, NULL, 'vm');
INSERT INTO {prefix}request VALUES (2, 1, 2.5819, '2026-11-25 11:55:30.061', '1.4.0-it', NULL, '127.0.0.1', 200, NULL, 'vm');
INSERT INTO {prefix}request VALUES (3, 1, 8.9443, '2026-11-25 11:55:30.043', '1.4.0-it', NULL, '127.0.0.1', 200, NULL, 'vm');
INSERT INTO {prefix}request VALUES (4, 1, 2.5155, '2026-11-25 11:55:30.072', '1.4.0-it', NULL, '127.0.0.1', 200, NULL, 'vm');
INSERT INTO {prefix}request VALUES (5, 6, 6.7747, '2026-11-25 11:55:31.089', '1.4.0-it', '(customer,proxy-daef9c34-eb10-4004-a548-3b596a020a0f)', '2001:db8::7', 200, NULL, 'vm');
INSERT INTO {prefix}request VALUES (6, 7, 113.3163, '2026-11-25 11:55:30.968', '1.4.0-it', '(customer,proxy-daef9c34-eb10-4004-a548-3b596a020a0f)', '203.0.113.9', 200, NULL, 'vm');
INSERT INTO {prefix}request VALUES (7, 7, 2.7759, '2026-11-25 11:55:32.039', '1.4.0-it', '(customer,once-49da192a-f9f9-4155-80eb-93e7d1a9c098)', '127.0.0.1', 200, NULL, 'vm');
INSERT INTO {prefix}request VALUES (8, 7, 4.6446, '2026-11-25 11:55:32.028', '1.4.0-it', '(customer,once-49da192a-f9f9-4155-80eb-93e7d1a9c098)', '127.0.0.1', 200, NULL, 'vm');
INSERT INTO {prefix}request VALUES (9, 7, 3.6402, '2026-11-25 11:55:32.048', '1.4.0-it', '(customer,once-49da192a-f9f9-4155-80eb-93e7d1a9c098)', '127.0.0.1', 200, NULL, 'vm');
INSERT INTO {prefix}request VALUES (10, 7, 3.7697, '2026-11-25 11:55:32.059', '1.4.0-it', '(customer,once-49da192a-f9f9-4155-80eb-93e7d1a9c098)', '127.0.0.1', 200, NULL, 'vm');
INSERT INTO {prefix}request VALUES (11, 7, 2.9710, '2026-11-25 11:55:32.068', '1.4.0-it', '(customer,once-49da192a-f9f9-4155-80eb-93e7d1a9c098)', '127.0.0.1', 200, NULL, 'vm');
INSERT INTO {prefix}request VALUES (12, 3, 7.9628, '2026-11-25 11:55:34.538', '1.4.0-it', '(customer,status-ed1b2205-af70-4641-b443-c36c9796cca1)', '127.0.0.1', 409, 'dev.fmd.sample.OutOfStockException', 'vm');
INSERT INTO {prefix}request VALUES (13, 6, 13.7514, '2026-11-25 11:55:34.516', '1.4.0-it', '(customer,status-ed1b2205-af70-4641-b443-c36c9796cca1)', '127.0.0.1', 404, 'jakarta.ws.rs.NotFoundException', 'vm');
INSERT INTO {prefix}request VALUES (14, 4, 6.6720, '2026-11-25 11:55:34.55', '1.4.0-it', '(customer,status-ed1b2205-af70-4641-b443-c36c9796cca1)', '127.0.0.1', 500, 'java.lang.IllegalStateException', 'vm');
INSERT INTO {prefix}request VALUES (1001, 24, 105.2159, '2026-11-25 11:55:48.921', '1.0', NULL, '127.0.0.1', 200, NULL, 'vm');
INSERT INTO {prefix}request VALUES (1002, 22, 94.5857, '2026-11-25 11:55:49.47', '1.0', NULL, '127.0.0.1', 200, NULL, 'vm');
INSERT INTO {prefix}request VALUES (1003, 22, 618.3901, '2026-11-25 11:55:49.649', '1.0', NULL, '127.0.0.1', 200, NULL, 'vm');
INSERT INTO {prefix}request VALUES (1004, 22, 94.6795, '2026-11-25 11:55:50.411', '1.0', NULL, '127.0.0.1', 200, NULL, 'vm');
INSERT INTO {prefix}request VALUES (1005, 22, 100.1234, '2026-11-25 11:55:50.301', '1.0', NULL, '127.0.0.1', 200, NULL, 'vm');
INSERT INTO {prefix}request VALUES (1006, 22, 93.3844, '2026-11-25 11:55:53.015', '1.0', NULL, '127.0.0.1', 200, NULL, 'vm');
INSERT INTO {prefix}request VALUES (1007, 22, 95.0711, '2026-11-25 11:55:53.117', '1.0', NULL, '127.0.0.1', 200, NULL, 'vm');
INSERT INTO {prefix}request VALUES (1008, 22, 92.4326, '2026-11-25 11:55:53.219', '1.0', NULL, '127.0.0.1', 200, NULL, 'vm');
INSERT INTO {prefix}request VALUES (1009, 22, 93.7249, '2026-11-25 11:55:53.319', '1.0', NULL, '127.0.0.1', 200, NULL, 'vm');
INSERT INTO {prefix}request VALUES (1010, 22, 94.2175, '2026-11-25 11:55:53.426', '1.0', NULL, '127.0.0.1', 200, NULL, 'vm');
INSERT INTO {prefix}request VALUES (1011, 22, 94.5566, '2026-11-25 11:55:53.53', '1.0', NULL, '127.0.0.1', 200, NULL, 'vm');
INSERT INTO {prefix}request VALUES (1012, 22, 92.1653, '2026-11-25 11:55:53.738', '1.0', NULL, '127.0.0.1', 200, NULL, 'vm');
INSERT INTO {prefix}request VALUES (1013, 22, 94.9948, '2026-11-25 11:55:54.038', '1.0', NULL, '127.0.0.1', 200, NULL, 'vm');
INSERT INTO {prefix}request VALUES (1014, 22, 96.1724, '2026-11-25 11:55:53.632', '1.0', NULL, '127.0.0.1', 200, NULL, 'vm');
INSERT INTO {prefix}request VALUES (1015, 22, 93.7630, '2026-11-25 11:55:53.836', '1.0', NULL, '127.0.0.1', 200, NULL, 'vm');
INSERT INTO {prefix}request VALUES (1016, 22, 94.2265, '2026-11-25 11:55:53.938', '1.0', NULL, '127.0.0.1', 200, NULL, 'vm');
INSERT INTO {prefix}request VALUES (1017, 22, 93.4842, '2026-11-25 11:55:54.139', '1.0', NULL, '127.0.0.1', 200, NULL, 'vm');
INSERT INTO {prefix}request VALUES (1018, 22, 94.5220, '2026-11-25 11:55:54.241', '1.0', NULL, '127.0.0.1', 200, NULL, 'vm');
INSERT INTO {prefix}request VALUES (1019, 22, 97.8654, '2026-11-25 11:55:54.343', '1.0', NULL, '127.0.0.1', 200, NULL, 'vm');
INSERT INTO {prefix}request VALUES (1020, 22, 93.5766, '2026-11-25 11:55:54.45', '1.0', NULL, '127.0.0.1', 200, NULL, 'vm');
INSERT INTO {prefix}request VALUES (1021, 22, 91.8346, '2026-11-25 11:55:54.55', '1.0', NULL, '127.0.0.1', 200, NULL, 'vm');
INSERT INTO {prefix}request VALUES (1022, 22, 91.6252, '2026-11-25 11:55:54.653', '1.0', NULL, '127.0.0.1', 200, NULL, 'vm');
INSERT INTO {prefix}request VALUES (1023, 22, 93.9490, '2026-11-25 11:55:54.757', '1.0', NULL, '127.0.0.1', 200, NULL, 'vm');
INSERT INTO {prefix}request VALUES (1024, 22, 97.3900, '2026-11-25 11:55:54.858', '1.0', NULL, '127.0.0.1', 200, NULL, 'vm');
INSERT INTO {prefix}request VALUES (1025, 22, 92.7736, '2026-11-25 11:55:54.965', '1.0', NULL, '127.0.0.1', 200, NULL, 'vm');
INSERT INTO {prefix}request VALUES (1026, 25, 13.5366, '2026-11-25 11:55:56.032', '1.0', NULL, '127.0.0.1', 200, NULL, 'vm');
INSERT INTO {prefix}request VALUES (1027, 25, 9.3393, '2026-11-25 11:55:56.133', '1.0', NULL, '127.0.0.1', 200, NULL, 'vm');
INSERT INTO {prefix}request VALUES (1028, 25, 8.7316, '2026-11-25 11:55:56.16', '1.0', NULL, '127.0.0.1', 200, NULL, 'vm');
INSERT INTO {prefix}request VALUES (1029, 25, 8.7971, '2026-11-25 11:55:56.188', '1.0', NULL, '127.0.0.1', 200, NULL, 'vm');
INSERT INTO {prefix}request VALUES (1030, 25, 10.6159, '2026-11-25 11:55:56.099', '1.0', NULL, '127.0.0.1', 200, NULL, 'vm');
INSERT INTO {prefix}request VALUES (1031, 25, 10.2344, '2026-11-25 11:55:56.116', '1.0', NULL, '127.0.0.1', 200, NULL, 'vm');
INSERT INTO {prefix}request VALUES (1032, 25, 7.8138, '2026-11-25 11:55:56.147', '1.0', NULL, '127.0.0.1', 200, NULL, 'vm');
INSERT INTO {prefix}request VALUES (1033, 25, 7.8316, '2026-11-25 11:55:56.174', '1.0', NULL, '127.0.0.1', 200, NULL, 'vm');
INSERT INTO {prefix}request VALUES (1034, 25, 9.3798, '2026-11-25 11:55:56.203', '1.0', NULL, '127.0.0.1', 200, NULL, 'vm');
INSERT INTO {prefix}request VALUES (1035, 25, 404.7076, '2026-11-25 11:55:56.224', '1.0', NULL, '127.0.0.1', 200, NULL, 'vm');
INSERT INTO {prefix}request VALUES (1036, 21, 161.7773, '2026-11-25 11:55:56.943', '1.0', NULL, '127.0.0.1', 200, NULL, 'vm');
INSERT INTO {prefix}request VALUES (1037, 21, 156.3639, '2026-11-25 11:55:57.145', '1.0', NULL, '127.0.0.1', 200, NULL, 'vm');
INSERT INTO {prefix}request VALUES (1038, 21, 155.8426, '2026-11-25 11:55:57.308', '1.0', NULL, '127.0.0.1', 200, NULL, 'vm');
INSERT INTO {prefix}request VALUES (1039, 21, 156.4973, '2026-11-25 11:55:57.471', '1.0', NULL, '127.0.0.1', 200, NULL, 'vm');
INSERT INTO {prefix}request VALUES (1040, 21, 157.7897, '2026-11-25 11:55:57.635', '1.0', NULL, '127.0.0.1', 200, NULL, 'vm');
INSERT INTO {prefix}request VALUES (1041, 23, 4.5508, '2026-11-25 11:55:58.489', '1.0', NULL, '127.0.0.1', 200, NULL, 'vm');
INSERT INTO {prefix}request VALUES (1042, 26, 9.1440, '2026-11-25 11:56:00.57', '1.0', NULL, '127.0.0.1', 200, NULL, 'vm');
INSERT INTO {prefix}request VALUES (1043, 26, 3.7252, '2026-11-25 11:56:00.945', '1.0', NULL, '127.0.0.1', 200, NULL, 'vm');
INSERT INTO {prefix}request VALUES (1044, 26, 305.6670, '2026-11-25 11:56:00.634', '1.0', NULL, '127.0.0.1', 200, NULL, 'vm');
INSERT INTO {prefix}request VALUES (1045, 26, 3.2855, '2026-11-25 11:56:00.954', '1.0', NULL, '127.0.0.1', 200, NULL, 'vm');
INSERT INTO {prefix}request VALUES (1046, 26, 5.9362, '2026-11-25 11:56:00.963', '1.0', NULL, '127.0.0.1', 200, NULL, 'vm');
INSERT INTO {prefix}request VALUES (1047, 26, 3.5646, '2026-11-25 11:56:00.975', '1.0', NULL, '127.0.0.1', 200, NULL, 'vm');
INSERT INTO {prefix}rollup VALUES (1, 2, '2026-11-25 11:00:00', '1.4.0-it', 'vm', 1, 0, 320.680151, '640:1');
INSERT INTO {prefix}rollup VALUES (2, 1, '2026-11-25 11:00:00', '1.4.0-it', 'vm', 3, 0, 14.041822999999999, '395:1,397:1,459:1');
INSERT INTO {prefix}rollup VALUES (4, 7, '2026-11-25 11:00:00', '1.4.0-it', 'vm', 6, 0, 131.117664, '400:1,404:1,414:1,416:1,426:1,588:1');
INSERT INTO {prefix}rollup VALUES (5, 3, '2026-11-25 11:00:00', '1.4.0-it', 'vm', 1, 0, 7.962774, '454:1');
INSERT INTO {prefix}rollup VALUES (6, 4, '2026-11-25 11:00:00', '1.4.0-it', 'vm', 1, 1, 6.671975, '445:1');
INSERT INTO {prefix}rollup VALUES (3, 6, '2026-11-25 11:00:00', '1.4.0-it', 'vm', 2, 0, 20.526141000000003, '445:1,481:1');
INSERT INTO {prefix}rollup VALUES (101, 24, '2026-11-25 11:00:00', '1.0', 'vm', 1, 0, 105.21592, '584:1');
INSERT INTO {prefix}rollup VALUES (102, 22, '2026-11-25 11:00:00', '1.0', 'vm', 24, 0, 2789.5083930000005, '577:4,578:9,579:7,580:2,581:1,673:1');
INSERT INTO {prefix}rollup VALUES (103, 25, '2026-11-25 11:00:00', '1.0', 'vm', 10, 0, 490.98776200000003, '453:2,458:1,459:1,462:2,466:1,468:1,480:1,652:1');
INSERT INTO {prefix}rollup VALUES (104, 21, '2026-11-25 11:00:00', '1.0', 'vm', 5, 0, 788.270773, '604:4,606:1');
INSERT INTO {prefix}rollup VALUES (105, 23, '2026-11-25 11:00:00', '1.0', 'vm', 1, 0, 4.550757, '425:1');
INSERT INTO {prefix}rollup VALUES (106, 26, '2026-11-25 11:00:00', '1.0', 'vm', 6, 0, 331.32246200000003, '409:1,413:1,415:1,439:1,461:1,638:1');
INSERT INTO {prefix}sequence VALUES ('endpoint', 40);
INSERT INTO {prefix}sequence VALUES ('request', 2000);
INSERT INTO {prefix}sequence VALUES ('rollup', 200);
INSERT INTO {prefix}sequence VALUES ('code_line', 100);
INSERT INTO {prefix}sequence VALUES ('outlier', 20);
INSERT INTO {prefix}stack_line VALUES (1003, 0, 0, 1, 618.3901);
INSERT INTO {prefix}stack_line VALUES (1003, 1, 1, 2, 582.0694);
INSERT INTO {prefix}stack_line VALUES (1003, 2, 2, 3, 582.0694);
INSERT INTO {prefix}stack_line VALUES (1003, 3, 1, 4, 36.3206);
INSERT INTO {prefix}stack_line VALUES (1005, 2, 2, 3, 94.2429);
INSERT INTO {prefix}stack_line VALUES (1005, 3, 1, 4, 5.8806);
INSERT INTO {prefix}stack_line VALUES (1005, 0, 0, 1, 100.1234);
INSERT INTO {prefix}stack_line VALUES (1004, 0, 0, 1, 94.6795);
INSERT INTO {prefix}stack_line VALUES (1004, 1, 1, 2, 94.6795);
INSERT INTO {prefix}stack_line VALUES (1004, 2, 2, 3, 94.6795);
INSERT INTO {prefix}stack_line VALUES (1005, 1, 1, 2, 94.2429);
INSERT INTO {prefix}stack_line VALUES (1011, 2, 2, 3, 89.0070);
INSERT INTO {prefix}stack_line VALUES (1011, 3, 1, 4, 5.5496);
INSERT INTO {prefix}stack_line VALUES (1009, 2, 2, 3, 88.2209);
INSERT INTO {prefix}stack_line VALUES (1010, 2, 2, 3, 94.2175);
INSERT INTO {prefix}stack_line VALUES (1015, 0, 0, 1, 93.7630);
INSERT INTO {prefix}stack_line VALUES (1014, 0, 0, 1, 96.1724);
INSERT INTO {prefix}stack_line VALUES (1016, 0, 0, 1, 94.2265);
INSERT INTO {prefix}stack_line VALUES (1010, 0, 0, 1, 94.2175);
INSERT INTO {prefix}stack_line VALUES (1010, 1, 1, 2, 94.2175);
INSERT INTO {prefix}stack_line VALUES (1007, 2, 2, 3, 84.5259);
INSERT INTO {prefix}stack_line VALUES (1006, 2, 2, 3, 93.3844);
INSERT INTO {prefix}stack_line VALUES (1009, 0, 0, 1, 93.7249);
INSERT INTO {prefix}stack_line VALUES (1008, 2, 2, 3, 92.4326);
INSERT INTO {prefix}stack_line VALUES (1014, 2, 2, 3, 85.5007);
INSERT INTO {prefix}stack_line VALUES (1008, 1, 1, 2, 92.4326);
INSERT INTO {prefix}stack_line VALUES (1011, 1, 1, 2, 89.0070);
INSERT INTO {prefix}stack_line VALUES (1006, 0, 0, 1, 93.3844);
INSERT INTO {prefix}stack_line VALUES (1009, 1, 1, 2, 88.2209);
INSERT INTO {prefix}stack_line VALUES (1011, 0, 0, 1, 94.5566);
INSERT INTO {prefix}stack_line VALUES (1007, 0, 0, 1, 95.0711);
INSERT INTO {prefix}stack_line VALUES (1015, 2, 2, 3, 93.7630);
INSERT INTO {prefix}stack_line VALUES (1014, 3, 1, 4, 10.6717);
INSERT INTO {prefix}stack_line VALUES (1012, 0, 0, 1, 92.1653);
INSERT INTO {prefix}stack_line VALUES (1015, 1, 1, 2, 93.7630);
INSERT INTO {prefix}stack_line VALUES (1008, 0, 0, 1, 92.4326);
INSERT INTO {prefix}stack_line VALUES (1016, 1, 1, 2, 94.2265);
INSERT INTO {prefix}stack_line VALUES (1007, 1, 1, 2, 84.5259);
INSERT INTO {prefix}stack_line VALUES (1012, 2, 2, 3, 92.1653);
INSERT INTO {prefix}stack_line VALUES (1016, 2, 2, 3, 94.2265);
INSERT INTO {prefix}stack_line VALUES (1007, 3, 1, 4, 5.2726);
INSERT INTO {prefix}stack_line VALUES (1014, 1, 1, 2, 85.5007);
INSERT INTO {prefix}stack_line VALUES (1006, 1, 1, 2, 93.3844);
INSERT INTO {prefix}stack_line VALUES (1012, 1, 1, 2, 92.1653);
INSERT INTO {prefix}stack_line VALUES (1018, 0, 0, 1, 94.5220);
INSERT INTO {prefix}stack_line VALUES (1017, 0, 0, 1, 93.4842);
INSERT INTO {prefix}stack_line VALUES (1025, 3, 1, 4, 5.4486);
INSERT INTO {prefix}stack_line VALUES (1022, 3, 1, 4, 5.3746);
INSERT INTO {prefix}stack_line VALUES (1017, 3, 1, 4, 5.4907);
INSERT INTO {prefix}stack_line VALUES (1021, 1, 1, 2, 86.4406);
INSERT INTO {prefix}stack_line VALUES (1023, 2, 2, 3, 93.9490);
INSERT INTO {prefix}stack_line VALUES (1022, 1, 1, 2, 86.2506);
INSERT INTO {prefix}stack_line VALUES (1022, 2, 2, 3, 86.2506);
INSERT INTO {prefix}stack_line VALUES (1019, 2, 2, 3, 87.0060);
INSERT INTO {prefix}stack_line VALUES (1025, 2, 2, 3, 87.3250);
INSERT INTO {prefix}stack_line VALUES (1024, 1, 1, 2, 97.3900);
INSERT INTO {prefix}stack_line VALUES (1021, 2, 2, 3, 86.4406);
INSERT INTO {prefix}stack_line VALUES (1020, 3, 1, 4, 5.1913);
INSERT INTO {prefix}stack_line VALUES (1020, 1, 1, 2, 83.1940);
INSERT INTO {prefix}stack_line VALUES (1022, 0, 0, 1, 91.6252);
INSERT INTO {prefix}stack_line VALUES (1020, 2, 2, 3, 83.1940);
INSERT INTO {prefix}stack_line VALUES (1013, 2, 2, 3, 89.4620);
INSERT INTO {prefix}stack_line VALUES (1023, 0, 0, 1, 93.9490);
INSERT INTO {prefix}stack_line VALUES (1020, 0, 0, 1, 93.5766);
INSERT INTO {prefix}stack_line VALUES (1025, 1, 1, 2, 87.3250);
INSERT INTO {prefix}stack_line VALUES (1019, 1, 1, 2, 87.0060);
INSERT INTO {prefix}stack_line VALUES (1023, 1, 1, 2, 93.9490);
INSERT INTO {prefix}stack_line VALUES (1018, 1, 1, 2, 94.5220);
INSERT INTO {prefix}stack_line VALUES (1017, 1, 1, 2, 87.9935);
INSERT INTO {prefix}stack_line VALUES (1013, 3, 1, 4, 5.5328);
INSERT INTO {prefix}stack_line VALUES (1019, 3, 1, 4, 5.4297);
INSERT INTO {prefix}stack_line VALUES (1021, 0, 0, 1, 91.8346);
INSERT INTO {prefix}stack_line VALUES (1017, 2, 2, 3, 87.9935);
INSERT INTO {prefix}stack_line VALUES (1018, 2, 2, 3, 94.5220);
INSERT INTO {prefix}stack_line VALUES (1013, 0, 0, 1, 94.9948);
INSERT INTO {prefix}stack_line VALUES (1019, 0, 0, 1, 97.8654);
INSERT INTO {prefix}stack_line VALUES (1024, 2, 2, 3, 97.3900);
INSERT INTO {prefix}stack_line VALUES (1013, 1, 1, 2, 89.4620);
INSERT INTO {prefix}stack_line VALUES (1024, 0, 0, 1, 97.3900);
INSERT INTO {prefix}stack_line VALUES (1021, 3, 1, 4, 5.3941);
INSERT INTO {prefix}stack_line VALUES (1025, 0, 0, 1, 92.7736);
INSERT INTO {prefix}stack_line VALUES (1038, 0, 0, 5, 155.8426);
INSERT INTO {prefix}stack_line VALUES (1038, 1, 1, 6, 155.8426);
INSERT INTO {prefix}stack_line VALUES (1038, 2, 2, 7, 155.8426);
INSERT INTO {prefix}stack_line VALUES (1040, 0, 0, 5, 157.7897);
INSERT INTO {prefix}stack_line VALUES (1040, 1, 1, 6, 157.7897);
INSERT INTO {prefix}stack_line VALUES (1037, 2, 2, 7, 156.3639);
INSERT INTO {prefix}stack_line VALUES (1039, 3, 3, 8, 156.4973);
INSERT INTO {prefix}stack_line VALUES (1039, 2, 2, 7, 156.4973);
INSERT INTO {prefix}stack_line VALUES (1038, 3, 3, 8, 155.8426);
INSERT INTO {prefix}stack_line VALUES (1037, 0, 0, 5, 156.3639);
INSERT INTO {prefix}stack_line VALUES (1039, 0, 0, 5, 156.4973);
INSERT INTO {prefix}stack_line VALUES (1040, 3, 3, 8, 157.7897);
INSERT INTO {prefix}stack_line VALUES (1037, 1, 1, 6, 156.3639);
INSERT INTO {prefix}stack_line VALUES (1039, 1, 1, 6, 156.4973);
INSERT INTO {prefix}stack_line VALUES (1037, 3, 3, 8, 156.3639);
INSERT INTO {prefix}stack_line VALUES (1040, 2, 2, 7, 157.7897);
ALTER TABLE ONLY {prefix}code_line
    ADD CONSTRAINT {prefix}code_line_pkey PRIMARY KEY (id);
ALTER TABLE ONLY {prefix}endpoint
    ADD CONSTRAINT {prefix}endpoint_pkey PRIMARY KEY (id);
ALTER TABLE ONLY {prefix}outlier
    ADD CONSTRAINT {prefix}outlier_pkey PRIMARY KEY (id);
ALTER TABLE ONLY {prefix}request
    ADD CONSTRAINT {prefix}request_pkey PRIMARY KEY (id);
ALTER TABLE ONLY {prefix}rollup
    ADD CONSTRAINT {prefix}rollup_pkey PRIMARY KEY (id);
ALTER TABLE ONLY {prefix}sequence
    ADD CONSTRAINT {prefix}sequence_pkey PRIMARY KEY (seq_name);
ALTER TABLE ONLY {prefix}stack_line
    ADD CONSTRAINT {prefix}stack_line_pkey PRIMARY KEY (request_id, "position");
CREATE UNIQUE INDEX {prefix}code_line_key ON {prefix}code_line USING btree (class_name, method_name, file_name, line_number);
CREATE UNIQUE INDEX {prefix}endpoint_key ON {prefix}endpoint USING btree (name, http_method, path);
CREATE INDEX {prefix}outlier_endpoint ON {prefix}outlier USING btree (endpoint_id, id);
CREATE INDEX {prefix}outlier_request ON {prefix}outlier USING btree (request_id);
CREATE INDEX {prefix}request_endpoint_id ON {prefix}request USING btree (endpoint_id, id);
CREATE INDEX {prefix}request_endpoint_time ON {prefix}request USING btree (endpoint_id, time_requested);
CREATE INDEX {prefix}request_time ON {prefix}request USING btree (time_requested);
CREATE INDEX {prefix}rollup_hour ON {prefix}rollup USING btree (hour_start);
CREATE UNIQUE INDEX {prefix}rollup_key ON {prefix}rollup USING btree (endpoint_id, hour_start, version, instance);
