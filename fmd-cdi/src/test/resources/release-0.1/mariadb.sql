CREATE TABLE `{prefix}endpoint` (
  `id` bigint(20) NOT NULL,
  `name` varchar(250) NOT NULL,
  `http_method` varchar(16) NOT NULL,
  `path` varchar(480) NOT NULL,
  `monitor_level` int(11) NOT NULL,
  `time_added` datetime(3) NOT NULL,
  `version_added` varchar(100) DEFAULT NULL,
  `last_requested` datetime(3) DEFAULT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `{prefix}endpoint_key` (`name`,`http_method`,`path`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
INSERT INTO `{prefix}endpoint` VALUES (1,'OrderResource.order','POST','/api/orders/{productId}',1,'2026-11-25 11:56:15.800','1.4.0-it','2026-11-25 11:56:23.912');
INSERT INTO `{prefix}endpoint` VALUES (2,'OrderResource.giftWrap','POST','/api/orders/{productId}/gift-wrap',1,'2026-11-25 11:56:15.800','1.4.0-it','2026-11-25 11:56:23.928');
INSERT INTO `{prefix}endpoint` VALUES (3,'ReportResource.sales','GET','/api/reports/sales',1,'2026-11-25 11:56:15.800','1.4.0-it','2026-11-25 11:56:17.851');
INSERT INTO `{prefix}endpoint` VALUES (4,'ReportResource.primes','GET','/api/reports/primes',1,'2026-11-25 11:56:15.800','1.4.0-it','2026-11-25 11:56:19.389');
INSERT INTO `{prefix}endpoint` VALUES (5,'ProductResource.add','POST','/api/products',1,'2026-11-25 11:56:15.800','1.4.0-it',NULL);
INSERT INTO `{prefix}endpoint` VALUES (6,'ProductResource.get','GET','/api/products/{id}',1,'2026-11-25 11:56:15.800','1.4.0-it','2026-11-25 11:56:23.882');
INSERT INTO `{prefix}endpoint` VALUES (7,'ProductResource.list','GET','/api/products',1,'2026-11-25 11:56:15.800','1.4.0-it','2026-11-25 11:56:21.440');
INSERT INTO `{prefix}endpoint` VALUES (21,'WorkResource.remote','GET','/insight/work/remote',3,'2026-11-25 11:56:36.550','1.0','2026-11-25 11:56:48.390');
INSERT INTO `{prefix}endpoint` VALUES (22,'WorkResource.report','GET','/insight/work/report',3,'2026-11-25 11:56:36.550','1.0','2026-11-25 11:56:44.086');
INSERT INTO `{prefix}endpoint` VALUES (23,'WorkResource.quick','GET','/insight/work/quick',1,'2026-11-25 11:56:36.550','1.0','2026-11-25 11:56:50.844');
INSERT INTO `{prefix}endpoint` VALUES (24,'WorkResource.ping','GET','/insight/work/ping',2,'2026-11-25 11:56:36.550','1.0','2026-11-25 11:56:38.039');
INSERT INTO `{prefix}endpoint` VALUES (25,'WorkResource.stock','GET','/insight/work/stock',2,'2026-11-25 11:56:36.550','1.0','2026-11-25 11:56:46.090');
INSERT INTO `{prefix}endpoint` VALUES (26,'WorkResource.cold','GET','/insight/work/cold',2,'2026-11-25 11:56:36.550','1.0','2026-11-25 11:56:52.205');
CREATE TABLE `{prefix}request` (
  `id` bigint(20) NOT NULL,
  `endpoint_id` bigint(20) NOT NULL,
  `duration` decimal(16,4) NOT NULL,
  `time_requested` datetime(3) NOT NULL,
  `version_requested` varchar(100) DEFAULT NULL,
  `group_by` varchar(255) DEFAULT NULL,
  `ip` varchar(45) DEFAULT NULL,
  `status_code` int(11) NOT NULL,
  `exception_type` varchar(255) DEFAULT NULL,
  `instance` varchar(100) DEFAULT NULL,
  PRIMARY KEY (`id`),
  KEY `{prefix}request_endpoint_time` (`endpoint_id`,`time_requested`),
  KEY `{prefix}request_time` (`time_requested`),
  KEY `{prefix}request_endpoint_id` (`endpoint_id`,`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
INSERT INTO `{prefix}request` VALUES (1,3,345.9284,'2026-11-25 11:56:17.851','1.4.0-it','(customer,slow-90d0d7fd-61fe-41f2-92c3-ba441871cb23)','127.0.0.1',200,NULL,'vm');
INSERT INTO `{prefix}request` VALUES (2,4,6.2998,'2026-11-25 11:56:19.360','1.4.0-it',NULL,'127.0.0.1',200,NULL,'vm');
INSERT INTO `{prefix}request` VALUES (3,4,3.0412,'2026-11-25 11:56:19.376','1.4.0-it',NULL,'127.0.0.1',200,NULL,'vm');
INSERT INTO `{prefix}request` VALUES (4,4,3.2610,'2026-11-25 11:56:19.389','1.4.0-it',NULL,'127.0.0.1',200,NULL,'vm');
INSERT INTO `{prefix}request` VALUES (5,6,6.2852,'2026-11-25 11:56:20.455','1.4.0-it','(customer,proxy-a2995f45-05ae-4e64-9162-d1f373974c6d)','2001:db8::7',200,NULL,'vm');
INSERT INTO `{prefix}request` VALUES (6,7,106.3458,'2026-11-25 11:56:20.342','1.4.0-it','(customer,proxy-a2995f45-05ae-4e64-9162-d1f373974c6d)','203.0.113.9',200,NULL,'vm');
INSERT INTO `{prefix}request` VALUES (7,7,12.7431,'2026-11-25 11:56:21.378','1.4.0-it','(customer,once-a75a402f-2268-4438-90df-9e7b728ce44c)','127.0.0.1',200,NULL,'vm');
INSERT INTO `{prefix}request` VALUES (8,7,4.4898,'2026-11-25 11:56:21.415','1.4.0-it','(customer,once-a75a402f-2268-4438-90df-9e7b728ce44c)','127.0.0.1',200,NULL,'vm');
INSERT INTO `{prefix}request` VALUES (9,7,4.5021,'2026-11-25 11:56:21.440','1.4.0-it','(customer,once-a75a402f-2268-4438-90df-9e7b728ce44c)','127.0.0.1',200,NULL,'vm');
INSERT INTO `{prefix}request` VALUES (10,7,3.2794,'2026-11-25 11:56:21.402','1.4.0-it','(customer,once-a75a402f-2268-4438-90df-9e7b728ce44c)','127.0.0.1',200,NULL,'vm');
INSERT INTO `{prefix}request` VALUES (11,7,3.8121,'2026-11-25 11:56:21.425','1.4.0-it','(customer,once-a75a402f-2268-4438-90df-9e7b728ce44c)','127.0.0.1',200,NULL,'vm');
INSERT INTO `{prefix}request` VALUES (12,6,19.6853,'2026-11-25 11:56:23.882','1.4.0-it','(customer,status-1daa4f8a-ce19-48d1-b3f1-ca47f4b41ecf)','127.0.0.1',404,'jakarta.ws.rs.NotFoundException','vm');
INSERT INTO `{prefix}request` VALUES (13,2,7.9689,'2026-11-25 11:56:23.928','1.4.0-it','(customer,status-1daa4f8a-ce19-48d1-b3f1-ca47f4b41ecf)','127.0.0.1',500,'java.lang.IllegalStateException','vm');
INSERT INTO `{prefix}request` VALUES (14,1,10.5611,'2026-11-25 11:56:23.912','1.4.0-it','(customer,status-1daa4f8a-ce19-48d1-b3f1-ca47f4b41ecf)','127.0.0.1',409,'dev.fmd.sample.OutOfStockException','vm');
INSERT INTO `{prefix}request` VALUES (1001,24,139.2410,'2026-11-25 11:56:38.039','1.0',NULL,'127.0.0.1',200,NULL,'vm');
INSERT INTO `{prefix}request` VALUES (1002,22,95.4202,'2026-11-25 11:56:38.639','1.0',NULL,'127.0.0.1',200,NULL,'vm');
INSERT INTO `{prefix}request` VALUES (1003,22,553.3283,'2026-11-25 11:56:38.817','1.0',NULL,'127.0.0.1',200,NULL,'vm');
INSERT INTO `{prefix}request` VALUES (1004,22,98.4216,'2026-11-25 11:56:39.388','1.0',NULL,'127.0.0.1',200,NULL,'vm');
INSERT INTO `{prefix}request` VALUES (1005,22,95.7662,'2026-11-25 11:56:39.498','1.0',NULL,'127.0.0.1',200,NULL,'vm');
INSERT INTO `{prefix}request` VALUES (1006,22,97.4432,'2026-11-25 11:56:42.212','1.0',NULL,'127.0.0.1',200,NULL,'vm');
INSERT INTO `{prefix}request` VALUES (1007,22,96.3651,'2026-11-25 11:56:42.105','1.0',NULL,'127.0.0.1',200,NULL,'vm');
INSERT INTO `{prefix}request` VALUES (1008,22,95.5124,'2026-11-25 11:56:42.329','1.0',NULL,'127.0.0.1',200,NULL,'vm');
INSERT INTO `{prefix}request` VALUES (1009,22,96.8531,'2026-11-25 11:56:42.431','1.0',NULL,'127.0.0.1',200,NULL,'vm');
INSERT INTO `{prefix}request` VALUES (1010,22,109.4296,'2026-11-25 11:56:42.538','1.0',NULL,'127.0.0.1',200,NULL,'vm');
INSERT INTO `{prefix}request` VALUES (1011,22,93.3897,'2026-11-25 11:56:42.654','1.0',NULL,'127.0.0.1',200,NULL,'vm');
INSERT INTO `{prefix}request` VALUES (1012,22,93.9864,'2026-11-25 11:56:42.754','1.0',NULL,'127.0.0.1',200,NULL,'vm');
INSERT INTO `{prefix}request` VALUES (1013,22,96.9889,'2026-11-25 11:56:42.857','1.0',NULL,'127.0.0.1',200,NULL,'vm');
INSERT INTO `{prefix}request` VALUES (1014,22,92.4778,'2026-11-25 11:56:43.067','1.0',NULL,'127.0.0.1',200,NULL,'vm');
INSERT INTO `{prefix}request` VALUES (1015,22,95.3497,'2026-11-25 11:56:43.269','1.0',NULL,'127.0.0.1',200,NULL,'vm');
INSERT INTO `{prefix}request` VALUES (1016,22,95.9720,'2026-11-25 11:56:42.964','1.0',NULL,'127.0.0.1',200,NULL,'vm');
INSERT INTO `{prefix}request` VALUES (1017,22,96.1441,'2026-11-25 11:56:43.167','1.0',NULL,'127.0.0.1',200,NULL,'vm');
INSERT INTO `{prefix}request` VALUES (1018,22,93.8667,'2026-11-25 11:56:43.374','1.0',NULL,'127.0.0.1',200,NULL,'vm');
INSERT INTO `{prefix}request` VALUES (1019,22,96.2849,'2026-11-25 11:56:43.476','1.0',NULL,'127.0.0.1',200,NULL,'vm');
INSERT INTO `{prefix}request` VALUES (1020,22,92.4300,'2026-11-25 11:56:43.581','1.0',NULL,'127.0.0.1',200,NULL,'vm');
INSERT INTO `{prefix}request` VALUES (1021,22,95.6490,'2026-11-25 11:56:43.680','1.0',NULL,'127.0.0.1',200,NULL,'vm');
INSERT INTO `{prefix}request` VALUES (1022,22,92.5566,'2026-11-25 11:56:43.782','1.0',NULL,'127.0.0.1',200,NULL,'vm');
INSERT INTO `{prefix}request` VALUES (1023,22,93.6496,'2026-11-25 11:56:43.886','1.0',NULL,'127.0.0.1',200,NULL,'vm');
INSERT INTO `{prefix}request` VALUES (1024,22,94.4638,'2026-11-25 11:56:43.985','1.0',NULL,'127.0.0.1',200,NULL,'vm');
INSERT INTO `{prefix}request` VALUES (1025,22,94.1087,'2026-11-25 11:56:44.086','1.0',NULL,'127.0.0.1',200,NULL,'vm');
INSERT INTO `{prefix}request` VALUES (1026,25,10.2393,'2026-11-25 11:56:45.951','1.0',NULL,'127.0.0.1',200,NULL,'vm');
INSERT INTO `{prefix}request` VALUES (1027,25,15.1273,'2026-11-25 11:56:45.893','1.0',NULL,'127.0.0.1',200,NULL,'vm');
INSERT INTO `{prefix}request` VALUES (1028,25,14.2900,'2026-11-25 11:56:45.969','1.0',NULL,'127.0.0.1',200,NULL,'vm');
INSERT INTO `{prefix}request` VALUES (1029,25,8.1605,'2026-11-25 11:56:45.990','1.0',NULL,'127.0.0.1',200,NULL,'vm');
INSERT INTO `{prefix}request` VALUES (1030,25,10.1508,'2026-11-25 11:56:46.004','1.0',NULL,'127.0.0.1',200,NULL,'vm');
INSERT INTO `{prefix}request` VALUES (1031,25,10.4628,'2026-11-25 11:56:46.020','1.0',NULL,'127.0.0.1',200,NULL,'vm');
INSERT INTO `{prefix}request` VALUES (1032,25,8.2730,'2026-11-25 11:56:46.037','1.0',NULL,'127.0.0.1',200,NULL,'vm');
INSERT INTO `{prefix}request` VALUES (1033,25,10.4733,'2026-11-25 11:56:46.052','1.0',NULL,'127.0.0.1',200,NULL,'vm');
INSERT INTO `{prefix}request` VALUES (1034,25,10.0589,'2026-11-25 11:56:46.069','1.0',NULL,'127.0.0.1',200,NULL,'vm');
INSERT INTO `{prefix}request` VALUES (1035,25,403.6301,'2026-11-25 11:56:46.090','1.0',NULL,'127.0.0.1',200,NULL,'vm');
INSERT INTO `{prefix}request` VALUES (1036,21,159.3997,'2026-11-25 11:56:47.671','1.0',NULL,'127.0.0.1',200,NULL,'vm');
INSERT INTO `{prefix}request` VALUES (1037,21,157.6479,'2026-11-25 11:56:47.885','1.0',NULL,'127.0.0.1',200,NULL,'vm');
INSERT INTO `{prefix}request` VALUES (1038,21,159.2111,'2026-11-25 11:56:48.048','1.0',NULL,'127.0.0.1',200,NULL,'vm');
INSERT INTO `{prefix}request` VALUES (1039,21,164.0852,'2026-11-25 11:56:48.219','1.0',NULL,'127.0.0.1',200,NULL,'vm');
INSERT INTO `{prefix}request` VALUES (1040,21,168.1190,'2026-11-25 11:56:48.390','1.0',NULL,'127.0.0.1',200,NULL,'vm');
INSERT INTO `{prefix}request` VALUES (1041,23,5.1455,'2026-11-25 11:56:49.709','1.0',NULL,'127.0.0.1',200,NULL,'vm');
INSERT INTO `{prefix}request` VALUES (1042,26,5.1072,'2026-11-25 11:56:51.811','1.0',NULL,'127.0.0.1',200,NULL,'vm');
INSERT INTO `{prefix}request` VALUES (1043,26,303.3256,'2026-11-25 11:56:51.863','1.0',NULL,'127.0.0.1',200,NULL,'vm');
INSERT INTO `{prefix}request` VALUES (1044,26,4.5980,'2026-11-25 11:56:52.173','1.0',NULL,'127.0.0.1',200,NULL,'vm');
INSERT INTO `{prefix}request` VALUES (1045,26,5.3242,'2026-11-25 11:56:52.186','1.0',NULL,'127.0.0.1',200,NULL,'vm');
INSERT INTO `{prefix}request` VALUES (1046,26,3.7528,'2026-11-25 11:56:52.195','1.0',NULL,'127.0.0.1',200,NULL,'vm');
INSERT INTO `{prefix}request` VALUES (1047,26,4.8850,'2026-11-25 11:56:52.205','1.0',NULL,'127.0.0.1',200,NULL,'vm');
CREATE TABLE `{prefix}rollup` (
  `id` bigint(20) NOT NULL,
  `endpoint_id` bigint(20) NOT NULL,
  `hour_start` datetime(3) NOT NULL,
  `version` varchar(100) NOT NULL,
  `instance` varchar(100) NOT NULL,
  `hits` bigint(20) NOT NULL,
  `errors` bigint(20) NOT NULL,
  `total_ms` double NOT NULL,
  `histogram` mediumtext DEFAULT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `{prefix}rollup_key` (`endpoint_id`,`hour_start`,`version`,`instance`),
  KEY `{prefix}rollup_hour` (`hour_start`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
INSERT INTO `{prefix}rollup` VALUES (1,3,'2026-11-25 11:00:00.000','1.4.0-it','vm',1,0,345.928434,'644:1');
INSERT INTO `{prefix}rollup` VALUES (2,4,'2026-11-25 11:00:00.000','1.4.0-it','vm',3,0,12.602030000000001,'405:1,409:1,442:1');
INSERT INTO `{prefix}rollup` VALUES (3,6,'2026-11-25 11:00:00.000','1.4.0-it','vm',2,0,25.970523999999997,'442:1,499:1');
INSERT INTO `{prefix}rollup` VALUES (4,7,'2026-11-25 11:00:00.000','1.4.0-it','vm',6,0,135.172371,'409:1,416:1,425:2,477:1,584:1');
INSERT INTO `{prefix}rollup` VALUES (5,2,'2026-11-25 11:00:00.000','1.4.0-it','vm',1,1,7.968936,'454:1');
INSERT INTO `{prefix}rollup` VALUES (6,1,'2026-11-25 11:00:00.000','1.4.0-it','vm',1,0,10.561146,'468:1');
INSERT INTO `{prefix}rollup` VALUES (101,24,'2026-11-25 11:00:00.000','1.0','vm',1,0,139.241023,'598:1');
INSERT INTO `{prefix}rollup` VALUES (102,22,'2026-11-25 11:00:00.000','1.0','vm',24,0,2755.857553,'577:3,578:5,579:9,580:4,581:1,586:1,668:1');
INSERT INTO `{prefix}rollup` VALUES (103,25,'2026-11-25 11:00:00.000','1.0','vm',10,0,500.86592,'455:1,456:1,465:1,466:2,467:2,483:1,486:1,652:1');
INSERT INTO `{prefix}rollup` VALUES (104,21,'2026-11-25 11:00:00.000','1.0','vm',5,0,808.46287,'604:1,605:2,606:1,608:1');
INSERT INTO `{prefix}rollup` VALUES (105,23,'2026-11-25 11:00:00.000','1.0','vm',1,0,5.145507,'432:1');
INSERT INTO `{prefix}rollup` VALUES (106,26,'2026-11-25 11:00:00.000','1.0','vm',6,0,326.992854,'416:1,426:1,429:1,431:1,433:1,637:1');
CREATE TABLE `{prefix}code_line` (
  `id` bigint(20) NOT NULL,
  `class_name` varchar(250) NOT NULL,
  `method_name` varchar(120) NOT NULL,
  `file_name` varchar(120) NOT NULL,
  `line_number` int(11) NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `{prefix}code_line_key` (`class_name`,`method_name`,`file_name`,`line_number`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
INSERT INTO `{prefix}code_line` VALUES (4,'dev.fmd.it.insight.WorkResource','fastPart','WorkResource.java',86);
INSERT INTO `{prefix}code_line` VALUES (6,'dev.fmd.it.insight.WorkResource','readFromSlowPeer','WorkResource.java',73);
INSERT INTO `{prefix}code_line` VALUES (5,'dev.fmd.it.insight.WorkResource','remote','WorkResource.java',0);
INSERT INTO `{prefix}code_line` VALUES (1,'dev.fmd.it.insight.WorkResource','report','WorkResource.java',0);
INSERT INTO `{prefix}code_line` VALUES (2,'dev.fmd.it.insight.WorkResource','slowPart','WorkResource.java',79);
INSERT INTO `{prefix}code_line` VALUES (3,'java.lang.Thread','sleep','Thread.java',-1);
INSERT INTO `{prefix}code_line` VALUES (8,'java.net.Socket$SocketInputStream','read','Socket.java',67);
INSERT INTO `{prefix}code_line` VALUES (7,'java.net.Socket$SocketInputStream','read','Socket.java',961);
CREATE TABLE `{prefix}stack_line` (
  `request_id` bigint(20) NOT NULL,
  `position` int(11) NOT NULL,
  `indent` int(11) NOT NULL,
  `code_line_id` bigint(20) NOT NULL,
  `duration` decimal(16,4) NOT NULL,
  PRIMARY KEY (`request_id`,`position`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
INSERT INTO `{prefix}stack_line` VALUES (1003,0,0,1,553.3283);
INSERT INTO `{prefix}stack_line` VALUES (1003,1,1,2,520.8452);
INSERT INTO `{prefix}stack_line` VALUES (1003,2,2,3,520.8452);
INSERT INTO `{prefix}stack_line` VALUES (1003,3,1,4,32.4832);
INSERT INTO `{prefix}stack_line` VALUES (1004,0,0,1,98.4216);
INSERT INTO `{prefix}stack_line` VALUES (1004,1,1,2,92.6417);
INSERT INTO `{prefix}stack_line` VALUES (1004,2,2,3,92.6417);
INSERT INTO `{prefix}stack_line` VALUES (1004,3,1,4,5.7799);
INSERT INTO `{prefix}stack_line` VALUES (1005,0,0,1,95.7662);
INSERT INTO `{prefix}stack_line` VALUES (1005,1,1,2,85.1402);
INSERT INTO `{prefix}stack_line` VALUES (1005,2,2,3,85.1402);
INSERT INTO `{prefix}stack_line` VALUES (1005,3,1,4,10.6260);
INSERT INTO `{prefix}stack_line` VALUES (1006,0,0,1,97.4432);
INSERT INTO `{prefix}stack_line` VALUES (1006,1,1,2,97.4432);
INSERT INTO `{prefix}stack_line` VALUES (1006,2,2,3,97.4432);
INSERT INTO `{prefix}stack_line` VALUES (1007,0,0,1,96.3651);
INSERT INTO `{prefix}stack_line` VALUES (1007,1,1,2,96.3651);
INSERT INTO `{prefix}stack_line` VALUES (1007,2,2,3,96.3651);
INSERT INTO `{prefix}stack_line` VALUES (1008,0,0,1,95.5124);
INSERT INTO `{prefix}stack_line` VALUES (1008,1,1,2,89.9028);
INSERT INTO `{prefix}stack_line` VALUES (1008,2,2,3,89.9028);
INSERT INTO `{prefix}stack_line` VALUES (1008,3,1,4,5.6096);
INSERT INTO `{prefix}stack_line` VALUES (1009,0,0,1,96.8531);
INSERT INTO `{prefix}stack_line` VALUES (1009,1,1,2,96.8531);
INSERT INTO `{prefix}stack_line` VALUES (1009,2,2,3,96.8531);
INSERT INTO `{prefix}stack_line` VALUES (1010,0,0,1,109.4296);
INSERT INTO `{prefix}stack_line` VALUES (1010,1,1,2,103.0028);
INSERT INTO `{prefix}stack_line` VALUES (1010,2,2,3,103.0028);
INSERT INTO `{prefix}stack_line` VALUES (1010,3,1,4,6.4268);
INSERT INTO `{prefix}stack_line` VALUES (1011,0,0,1,93.3897);
INSERT INTO `{prefix}stack_line` VALUES (1011,1,1,2,93.3897);
INSERT INTO `{prefix}stack_line` VALUES (1011,2,2,3,93.3897);
INSERT INTO `{prefix}stack_line` VALUES (1012,0,0,1,93.9864);
INSERT INTO `{prefix}stack_line` VALUES (1012,1,1,2,88.4673);
INSERT INTO `{prefix}stack_line` VALUES (1012,2,2,3,88.4673);
INSERT INTO `{prefix}stack_line` VALUES (1012,3,1,4,5.5191);
INSERT INTO `{prefix}stack_line` VALUES (1013,0,0,1,96.9889);
INSERT INTO `{prefix}stack_line` VALUES (1013,1,1,2,96.9889);
INSERT INTO `{prefix}stack_line` VALUES (1013,2,2,3,96.9889);
INSERT INTO `{prefix}stack_line` VALUES (1014,0,0,1,92.4778);
INSERT INTO `{prefix}stack_line` VALUES (1014,1,1,2,92.4778);
INSERT INTO `{prefix}stack_line` VALUES (1014,2,2,3,92.4778);
INSERT INTO `{prefix}stack_line` VALUES (1015,0,0,1,95.3497);
INSERT INTO `{prefix}stack_line` VALUES (1015,1,1,2,95.3497);
INSERT INTO `{prefix}stack_line` VALUES (1015,2,2,3,95.3497);
INSERT INTO `{prefix}stack_line` VALUES (1016,0,0,1,95.9720);
INSERT INTO `{prefix}stack_line` VALUES (1016,1,1,2,90.3355);
INSERT INTO `{prefix}stack_line` VALUES (1016,2,2,3,90.3355);
INSERT INTO `{prefix}stack_line` VALUES (1017,0,0,1,96.1441);
INSERT INTO `{prefix}stack_line` VALUES (1017,1,1,2,96.1441);
INSERT INTO `{prefix}stack_line` VALUES (1017,2,2,3,96.1441);
INSERT INTO `{prefix}stack_line` VALUES (1018,0,0,1,93.8667);
INSERT INTO `{prefix}stack_line` VALUES (1018,1,1,2,88.3540);
INSERT INTO `{prefix}stack_line` VALUES (1018,2,2,3,88.3540);
INSERT INTO `{prefix}stack_line` VALUES (1018,3,1,4,5.5127);
INSERT INTO `{prefix}stack_line` VALUES (1019,0,0,1,96.2849);
INSERT INTO `{prefix}stack_line` VALUES (1019,1,1,2,85.6014);
INSERT INTO `{prefix}stack_line` VALUES (1019,2,2,3,85.6014);
INSERT INTO `{prefix}stack_line` VALUES (1019,3,1,4,5.3417);
INSERT INTO `{prefix}stack_line` VALUES (1020,0,0,1,92.4300);
INSERT INTO `{prefix}stack_line` VALUES (1020,1,1,2,82.1757);
INSERT INTO `{prefix}stack_line` VALUES (1020,2,2,3,82.1757);
INSERT INTO `{prefix}stack_line` VALUES (1020,3,1,4,10.2543);
INSERT INTO `{prefix}stack_line` VALUES (1021,0,0,1,95.6490);
INSERT INTO `{prefix}stack_line` VALUES (1021,1,1,2,90.0322);
INSERT INTO `{prefix}stack_line` VALUES (1021,2,2,3,90.0322);
INSERT INTO `{prefix}stack_line` VALUES (1022,0,0,1,92.5566);
INSERT INTO `{prefix}stack_line` VALUES (1022,1,1,2,92.5566);
INSERT INTO `{prefix}stack_line` VALUES (1022,2,2,3,92.5566);
INSERT INTO `{prefix}stack_line` VALUES (1023,0,0,1,93.6496);
INSERT INTO `{prefix}stack_line` VALUES (1023,1,1,2,93.6496);
INSERT INTO `{prefix}stack_line` VALUES (1023,2,2,3,93.6496);
INSERT INTO `{prefix}stack_line` VALUES (1024,0,0,1,94.4638);
INSERT INTO `{prefix}stack_line` VALUES (1024,1,1,2,94.4638);
INSERT INTO `{prefix}stack_line` VALUES (1024,2,2,3,94.4638);
INSERT INTO `{prefix}stack_line` VALUES (1025,0,0,1,94.1087);
INSERT INTO `{prefix}stack_line` VALUES (1025,1,1,2,94.1087);
INSERT INTO `{prefix}stack_line` VALUES (1025,2,2,3,94.1087);
INSERT INTO `{prefix}stack_line` VALUES (1037,0,0,5,157.6479);
INSERT INTO `{prefix}stack_line` VALUES (1037,1,1,6,157.6479);
INSERT INTO `{prefix}stack_line` VALUES (1037,2,2,7,157.6479);
INSERT INTO `{prefix}stack_line` VALUES (1037,3,3,8,157.6479);
INSERT INTO `{prefix}stack_line` VALUES (1038,0,0,5,159.2111);
INSERT INTO `{prefix}stack_line` VALUES (1038,1,1,6,159.2111);
INSERT INTO `{prefix}stack_line` VALUES (1038,2,2,7,159.2111);
INSERT INTO `{prefix}stack_line` VALUES (1038,3,3,8,159.2111);
INSERT INTO `{prefix}stack_line` VALUES (1039,0,0,5,164.0852);
INSERT INTO `{prefix}stack_line` VALUES (1039,1,1,6,164.0852);
INSERT INTO `{prefix}stack_line` VALUES (1039,2,2,7,164.0852);
INSERT INTO `{prefix}stack_line` VALUES (1039,3,3,8,164.0852);
INSERT INTO `{prefix}stack_line` VALUES (1040,0,0,5,168.1190);
INSERT INTO `{prefix}stack_line` VALUES (1040,1,1,6,168.1190);
INSERT INTO `{prefix}stack_line` VALUES (1040,2,2,7,168.1190);
INSERT INTO `{prefix}stack_line` VALUES (1040,3,3,8,168.1190);
CREATE TABLE `{prefix}outlier` (
  `id` bigint(20) NOT NULL,
  `request_id` bigint(20) NOT NULL,
  `endpoint_id` bigint(20) NOT NULL,
  `time_requested` datetime(3) NOT NULL,
  `stack_trace` mediumtext DEFAULT NULL,
  `cpu_percent` double DEFAULT NULL,
  `heap_used` bigint(20) DEFAULT NULL,
  `heap_committed` bigint(20) DEFAULT NULL,
  `request_url` mediumtext DEFAULT NULL,
  `query_params` mediumtext DEFAULT NULL,
  `form_params` mediumtext DEFAULT NULL,
  `request_headers` mediumtext DEFAULT NULL,
  `request_environment` mediumtext DEFAULT NULL,
  PRIMARY KEY (`id`),
  KEY `{prefix}outlier_endpoint` (`endpoint_id`,`id`),
  KEY `{prefix}outlier_request` (`request_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
INSERT INTO `{prefix}outlier` VALUES (1,1035,25,'2026-11-25 11:56:46.090','at java.base@17.0.15/java.lang.Thread.sleep(Native Method)\nat dev.fmd.it.insight.WorkResource.waitForSupplier(WorkResource.java:94)\nat dev.fmd.it.insight.WorkResource$Proxy$_$$_WeldSubclass.waitForSupplier(Unknown Source)\nat dev.fmd.it.insight.WorkResource.stock(WorkResource.java:42)\n',18.7,181142528,332398592,'http://127.0.0.1:8189/insight/insight/work/stock','ms=400\nitem=42\npassword=[redacted]\n','','Host: 127.0.0.1:8189\nauthorization: [redacted]\ncookie: [redacted]\nx-api-token: [redacted]\nx-request-note: visible\nuser-agent: Java-http-client/17.0.15\n','server: 127.0.0.1:8189\nscheme: http\nmethod: GET\nremote address: 127.0.0.1\nuser agent: Java-http-client/17.0.15\ncontent type: null\ncontent length: -1\nlocale: en\n');
CREATE TABLE `{prefix}sequence` (
  `seq_name` varchar(50) NOT NULL,
  `seq_count` bigint(20) NOT NULL,
  PRIMARY KEY (`seq_name`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
INSERT INTO `{prefix}sequence` VALUES ('code_line',100);
INSERT INTO `{prefix}sequence` VALUES ('endpoint',40);
INSERT INTO `{prefix}sequence` VALUES ('outlier',20);
INSERT INTO `{prefix}sequence` VALUES ('request',2000);
INSERT INTO `{prefix}sequence` VALUES ('rollup',200);
