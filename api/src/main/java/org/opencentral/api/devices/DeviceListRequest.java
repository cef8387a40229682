package org.opencentral.api.devices;

import java.util.Optional;
import org.opencentral.api.http.ApiCall;
import org.opencentral.api.odata.Fields;
import org.opencentral.api.odata.ListOptions;
import org.opencentral.core.store.DeviceField;
import org.opencentral.core.store.DeviceListQuery;

/**
 * {@code GET /api/devices} query options: paging ({@link DevicePaging}), {@code $filter} and
 * {@code $orderby} over {@link DeviceField}s. {@code nextLink} repeats the filter and order, and the
 * cursor in its {@code $skiptoken} only fits a list in the same order (400 otherwise).
 */
record DeviceListRequest(DevicePaging paging, ListOptions<DeviceField> options, DeviceListQuery query) {
    static final Fields<DeviceField> FIELDS = Fields.of(DeviceField.values());

    static DeviceListRequest of(ApiCall call) {
        DevicePaging paging = DevicePaging.of(call.query("maxpagesize"), call.query("$top"),
                call.query(DevicePaging.SKIP_TOKEN));
        ListOptions<DeviceField> options = ListOptions.read(call.query("$filter"), call.query("$orderby"), FIELDS);
        DeviceListQuery query = new DeviceListQuery(options.filter(), options.order().orElse(DeviceListQuery.BY_ID),
                Optional.empty(), paging.size(), Optional.empty()).after(paging.after());
        return new DeviceListRequest(paging, options, query);
    }

    String nextLink(ApiCall call, String next) {
        return paging.nextLink(call.url(), call.query("api-version").orElseThrow(), next, options.carried());
    }
}
