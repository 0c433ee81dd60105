/**
 * The fleet's view of {@code threadwatch serve}'s findings: filtered lists, groups by site across
 * recordings and labels, and each label's latest verdict with its history.
 *
 * <pre>{@code
 * FleetView fleet = new FleetView(database, store);
 * fleet.groups().forEach(g -> System.out.println(g.summary()));
 * // thread-leak at com.acme.ConfigReloader.reload(ConfigReloader.java:38) is in 37 of 120 recordings,
 * // from 12 devices, first seen 2026-12-01T08:00:00Z
 * }</pre>
 *
 * <p>Nothing here returns or accepts {@code null}; absent filters are {@link java.util.Optional}.
 */
package io.threadwatch.analyzer.serve.fleet;
