package io.pgforce.emulator;

import io.pgforce.emulator.admin.AdminApi;
import io.pgforce.emulator.auth.IdentityApi;
import io.pgforce.emulator.auth.OAuthApi;
import io.pgforce.emulator.auth.SoapLoginApi;
import io.pgforce.emulator.bulk.BulkIngestApi;
import io.pgforce.emulator.bulk.BulkJobs;
import io.pgforce.emulator.bulk.BulkQueryApi;
import io.pgforce.emulator.rest.CollectionsApi;
import io.pgforce.emulator.rest.DescribeApi;
import io.pgforce.emulator.rest.LimitsApi;
import io.pgforce.emulator.rest.QueryApi;
import io.pgforce.emulator.rest.RecordsApi;
import io.pgforce.emulator.rest.ReplicationApi;
import io.pgforce.emulator.rest.VersionsApi;
import io.pgforce.emulator.server.ApiArea;
import io.pgforce.emulator.server.OrgServices;
import io.pgforce.emulator.streaming.CdcStreaming;
import io.pgforce.emulator.streaming.StreamingApi;
import java.util.List;

/**
 * The API areas the emulator serves, in registration order. Literal paths must come before the
 * parameters that would also match them ({@code /sobjects/X/describe} and {@code /updated} before
 * {@code /sobjects/X/{id}}), so records come last. New areas (Bulk API 2.0, streaming) are added to
 * this list.
 */
final class ApiAreas {

  private ApiAreas() {}

  static List<ApiArea> all(
      OrgServices org, Runnable resetOrg, CdcStreaming streaming, BulkJobs bulkJobs) {
    return List.of(
        new OAuthApi(org),
        new SoapLoginApi(org),
        new IdentityApi(org),
        new VersionsApi(org),
        new LimitsApi(org),
        new QueryApi(org),
        new DescribeApi(org),
        new ReplicationApi(org),
        new CollectionsApi(org),
        new RecordsApi(org),
        new BulkQueryApi(bulkJobs, org.limits()),
        new BulkIngestApi(bulkJobs),
        new StreamingApi(streaming),
        new AdminApi(org, resetOrg));
  }
}
