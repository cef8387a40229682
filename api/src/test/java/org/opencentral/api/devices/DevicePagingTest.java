package org.opencentral.api.devices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.opencentral.api.http.ApiError;

class DevicePagingTest {
    private static final Optional<String> NONE = Optional.empty();

    @Test
    void defaultPageIsAHundred() {
        assertThat(DevicePaging.of(NONE, NONE, NONE, NONE, NONE)).isEqualTo(new DevicePaging(100, NONE));
    }

    @Test
    void topAndMaxPageSizeSetTheSizeUpToAThousand() {
        assertThat(DevicePaging.of(NONE, Optional.of("5"), NONE, NONE, NONE).size()).isEqualTo(5);
        assertThat(DevicePaging.of(Optional.of("1000"), NONE, NONE, NONE, NONE).size()).isEqualTo(1000);
        assertThatThrownBy(() -> DevicePaging.of(Optional.of("1001"), NONE, NONE, NONE, NONE))
                .isInstanceOf(ApiError.class);
        assertThatThrownBy(() -> DevicePaging.of(Optional.of("0"), NONE, NONE, NONE, NONE))
                .isInstanceOf(ApiError.class);
        assertThatThrownBy(() -> DevicePaging.of(Optional.of("2"), Optional.of("3"), NONE, NONE, NONE))
                .isInstanceOf(ApiError.class);
    }

    @Test
    void listsWithoutFilteringRefuseFilterAndOrderByRatherThanIgnoreThem() {
        assertThatThrownBy(() -> DevicePaging.of(NONE, NONE, NONE, Optional.of("enabled eq true"), NONE))
                .isInstanceOf(ApiError.class).hasMessageContaining("$filter is not supported on this list");
        assertThatThrownBy(() -> DevicePaging.of(NONE, NONE, NONE, NONE, Optional.of("id")))
                .isInstanceOf(ApiError.class).hasMessageContaining("$orderby is not supported on this list");
    }

    @Test
    void nextLinkRepeatsTheFilterAndOrder() {
        String link = new DevicePaging(5, NONE).nextLink("http://h/api/devices", "2022-07-31", "c",
                java.util.Map.of("$orderby", "displayName desc", "$filter", "contains(id,'a&b')"));

        assertThat(link).startsWith("http://h/api/devices?api-version=2022-07-31"
                + "&%24filter=contains%28id%2C%27a%26b%27%29&%24orderby=displayName%20desc&maxpagesize=5&%24skiptoken=");
    }

    @Test
    void nextLinkCarriesAnOpaqueCursorThatReadsBack() {
        DevicePaging paging = new DevicePaging(2, NONE);
        String link = paging.nextLink("http://h/api/devices", "2022-07-31", "dev:2");

        assertThat(link).startsWith("http://h/api/devices?api-version=2022-07-31&maxpagesize=2&%24skiptoken=");
        String token = link.substring(link.indexOf("%24skiptoken=") + "%24skiptoken=".length());
        assertThat(DevicePaging.of(NONE, NONE, Optional.of(token), NONE, NONE).after()).contains("dev:2");
    }
}
