package org.opencentral.store.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencentral.store.contract.Fixtures.T0;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.opencentral.core.DomainException;
import org.opencentral.core.device.Device;
import org.opencentral.core.device.DeviceId;
import org.opencentral.core.filter.ListFilter;
import org.opencentral.core.filter.InMemory;
import org.opencentral.core.filter.ListLiteral;
import org.opencentral.core.filter.Op;
import org.opencentral.core.filter.ListOrdering;
import org.opencentral.core.filter.TextMatch;
import org.opencentral.core.store.ConnectionChange;
import org.opencentral.core.store.DeviceField;
import org.opencentral.core.store.DeviceListQuery;
import org.opencentral.core.store.Page;

/**
 * Filtered, ordered, keyset-paged device lists. The oracle is {@link InMemory}: whatever the store
 * answers must equal the in-memory evaluation of the same query over the same devices.
 */
public interface DeviceListContract extends StoreFixture {
    String THERMOSTAT = "dtmi:com:example:Thermostat;1";
    String SENSOR = "dtmi:com:example:Sensor;1";

    /** A dozen devices varying in every listed member, with ties on every sort key. */
    default List<Device> insertFleet() {
        String[] names = {"Alpha", "alpha", "Bravo", "charlie", "Delta 50%", "echo_1", "Echo", "fox\\trot",
            "x' OR '1'='1", "Golf", "hotel", "India"};
        for (int i = 0; i < names.length; i++) {
            Optional<String> template = switch (i % 3) {
                case 0 -> Optional.of(THERMOSTAT);
                case 1 -> Optional.of(SENSOR);
                default -> Optional.empty();
            };
            Optional<Instant> activity = i % 4 == 0 ? Optional.empty() : Optional.of(T0.plusSeconds(i % 5));
            Device device = Device.builder(DeviceId.of(String.format("dev-%02d", 11 - i)))
                    .displayName(names[i]).template(template).enabled(i % 2 == 0).provisioned(i % 5 == 0)
                    .etag("e" + i).keys(Fixtures.KEYS).createdAt(T0)
                    .organization(i % 3 == 1 ? Optional.of("west") : i % 3 == 2 ? Optional.of("east") : Optional.empty())
                    .build();
            store().devices().insert(device);
            boolean connected = i % 3 == 0;
            activity.ifPresent(at -> store().devices().recordConnections(
                    List.of(new ConnectionChange(device.id(), connected, at, Optional.empty()))));
        }
        return store().devices().list(DeviceListQuery.all(100)).items();
    }

    /** Every device the query selects, following nextLink-style cursors page by page. */
    default List<String> listAll(DeviceListQuery query) {
        List<String> ids = new ArrayList<>();
        Optional<String> next = Optional.empty();
        do {
            Page<Device> page = store().devices().list(query.after(next));
            assertThat(page.items().size()).isLessThanOrEqualTo(query.limit());
            page.items().forEach(d -> ids.add(d.id().value()));
            next = page.next();
            if (next.isPresent()) {
                assertThat(page.items()).hasSize(query.limit());
            }
        } while (next.isPresent());
        return ids;
    }

    default List<String> expected(List<Device> fleet, Optional<ListFilter<DeviceField>> filter,
            ListOrdering<DeviceField> order, Optional<Set<String>> organizations) {
        Comparator<Device> byId = Comparator.comparing(d -> d.id().value());
        Comparator<Device> comparator = InMemory.comparator(order, (Device d, DeviceField f) -> f.valueOf(d))
                .thenComparing(order.direction() == ListOrdering.Direction.ASC ? byId : byId.reversed());
        return fleet.stream()
                .filter(d -> filter.map(f -> InMemory.predicate(f, (Device x, DeviceField g) -> g.valueOf(x)).test(d))
                        .orElse(true))
                .filter(d -> organizations.map(o -> d.organization().filter(o::contains).isPresent()).orElse(true))
                .sorted(comparator).map(d -> d.id().value()).toList();
    }

    static ListFilter<DeviceField> compare(DeviceField field, Op op, ListLiteral value) {
        return new ListFilter.Compare<>(field, op, value);
    }

    static ListLiteral text(String value) {
        return new ListLiteral.Text(value);
    }

    static List<ListFilter<DeviceField>> filters() {
        ListLiteral at = new ListLiteral.Time(T0.plusSeconds(2));
        List<ListFilter<DeviceField>> filters = new ArrayList<>();
        for (Op op : Op.values()) {
            filters.add(compare(DeviceField.DISPLAY_NAME, op, text("Echo")));
            filters.add(compare(DeviceField.ID, op, text("dev-05")));
            filters.add(compare(DeviceField.LAST_ACTIVITY, op, at));
            filters.add(compare(DeviceField.TEMPLATE, op, text(SENSOR)));
        }
        for (DeviceField flag : List.of(DeviceField.ENABLED, DeviceField.PROVISIONED, DeviceField.SIMULATED,
                DeviceField.CONNECTED)) {
            filters.add(compare(flag, Op.EQ, new ListLiteral.Bool(true)));
            filters.add(compare(flag, Op.NE, new ListLiteral.Bool(true)));
        }
        for (DeviceField nullable : List.of(DeviceField.TEMPLATE, DeviceField.LAST_ACTIVITY, DeviceField.ORGANIZATIONS)) {
            filters.add(compare(nullable, Op.EQ, new ListLiteral.Null()));
            filters.add(compare(nullable, Op.NE, new ListLiteral.Null()));
        }
        filters.add(compare(DeviceField.ORGANIZATIONS, Op.EQ, text("west")));
        filters.add(compare(DeviceField.ORGANIZATIONS, Op.NE, text("west")));
        filters.add(new ListFilter.Match<>(TextMatch.CONTAINS, DeviceField.DISPLAY_NAME, "ECHO"));
        filters.add(new ListFilter.Match<>(TextMatch.STARTSWITH, DeviceField.DISPLAY_NAME, "al"));
        filters.add(new ListFilter.Match<>(TextMatch.ENDSWITH, DeviceField.ID, "1"));
        filters.add(new ListFilter.Match<>(TextMatch.CONTAINS, DeviceField.TEMPLATE, "sensor"));
        filters.add(new ListFilter.Not<>(compare(DeviceField.LAST_ACTIVITY, Op.GT, at)));
        filters.add(new ListFilter.Or<>(compare(DeviceField.ENABLED, Op.EQ, new ListLiteral.Bool(false)),
                new ListFilter.And<>(compare(DeviceField.CONNECTED, Op.EQ, new ListLiteral.Bool(true)),
                        new ListFilter.Not<>(compare(DeviceField.TEMPLATE, Op.EQ, text(THERMOSTAT))))));
        return filters;
    }

    @Test
    default void everyOperatorFiltersLikeTheInMemoryOracle() {
        List<Device> fleet = insertFleet();

        for (ListFilter<DeviceField> filter : filters()) {
            assertThat(listAll(DeviceListQuery.matching(filter, 100))).as(filter.toString())
                    .containsExactlyElementsOf(expected(fleet, Optional.of(filter), DeviceListQuery.BY_ID,
                            Optional.empty()));
        }
        assertThat(listAll(DeviceListQuery.matching(compare(DeviceField.DISPLAY_NAME, Op.EQ, text("Echo")), 10)))
                .containsExactly("dev-05");
    }

    @Test
    default void pagingThroughEveryOrderInBothDirectionsHasNoDuplicatesOrGaps() {
        List<Device> fleet = insertFleet();
        ListFilter<DeviceField> search = new ListFilter.Not<>(new ListFilter.Match<>(TextMatch.CONTAINS, DeviceField.ID, "07"));

        for (DeviceField field : DeviceField.values()) {
            if (!field.sortable()) {
                continue;
            }
            for (ListOrdering.Direction direction : ListOrdering.Direction.values()) {
                ListOrdering<DeviceField> order = new ListOrdering<>(field, direction);
                for (int size : new int[] {1, 3, 5}) {
                    DeviceListQuery query = DeviceListQuery.matching(search, size).orderedBy(order);
                    assertThat(listAll(query)).as(order + " pages of " + size).doesNotHaveDuplicates()
                            .containsExactlyElementsOf(expected(fleet, Optional.of(search), order, Optional.empty()));
                }
            }
        }
    }

    @Test
    default void displayNamesSortCaseInsensitivelyWithIdBreakingTies() {
        insertFleet();
        DeviceListQuery byName = DeviceListQuery.all(3)
                .orderedBy(new ListOrdering<>(DeviceField.DISPLAY_NAME, ListOrdering.Direction.ASC));

        assertThat(listAll(byName)).startsWith("dev-10", "dev-11", "dev-09", "dev-08", "dev-07");
        assertThat(listAll(byName.orderedBy(new ListOrdering<>(DeviceField.DISPLAY_NAME, ListOrdering.Direction.DESC))))
                .startsWith("dev-03", "dev-00", "dev-01").endsWith("dev-11", "dev-10");
    }

    @Test
    default void organizationScopeCombinesWithFilterAndOrder() {
        List<Device> fleet = insertFleet();
        ListFilter<DeviceField> enabled = compare(DeviceField.ENABLED, Op.EQ, new ListLiteral.Bool(true));
        ListOrdering<DeviceField> order = new ListOrdering<>(DeviceField.DISPLAY_NAME, ListOrdering.Direction.DESC);
        DeviceListQuery query = DeviceListQuery.matching(enabled, 1).orderedBy(order)
                .inOrganizations(Set.of("west", "east"));

        List<String> expected = expected(fleet, Optional.of(enabled), order, Optional.of(Set.of("west", "east")));
        assertThat(expected).hasSizeGreaterThan(1);
        assertThat(listAll(query)).containsExactlyElementsOf(expected);
        assertThat(store().devices().list(query.inOrganizations(Set.of())).items()).isEmpty();
    }

    @Test
    default void injectionAttemptsAndWildcardsStayLiteral() {
        insertFleet();

        assertThat(listAll(DeviceListQuery.matching(compare(DeviceField.DISPLAY_NAME, Op.EQ,
                text("x' OR '1'='1")), 10))).containsExactly("dev-03");
        assertThat(listAll(DeviceListQuery.matching(compare(DeviceField.DISPLAY_NAME, Op.EQ,
                text("' OR 1=1 --")), 10))).isEmpty();
        assertThat(listAll(DeviceListQuery.matching(new ListFilter.Match<>(TextMatch.CONTAINS, DeviceField.DISPLAY_NAME,
                "%"), 10))).containsExactly("dev-07");
        assertThat(listAll(DeviceListQuery.matching(new ListFilter.Match<>(TextMatch.CONTAINS, DeviceField.DISPLAY_NAME,
                "_"), 10))).containsExactly("dev-06");
        assertThat(listAll(DeviceListQuery.matching(new ListFilter.Match<>(TextMatch.CONTAINS, DeviceField.DISPLAY_NAME,
                "\\"), 10))).containsExactly("dev-04");
        assertThat(listAll(DeviceListQuery.matching(new ListFilter.Match<>(TextMatch.STARTSWITH, DeviceField.ID,
                "dev-0_"), 10))).isEmpty();
        assertThat(store().devices().count()).isEqualTo(12);
    }

    @Test
    default void aCursorMadeForAnotherOrderIsRefused() {
        insertFleet();
        Page<Device> first = store().devices().list(DeviceListQuery.all(2));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> DeviceListQuery.all(2)
                .orderedBy(new ListOrdering<>(DeviceField.CONNECTED, ListOrdering.Direction.ASC)).after(first.next()))
                .isInstanceOf(DomainException.class).hasMessageContaining("ordered by 'id asc'");
    }
}
