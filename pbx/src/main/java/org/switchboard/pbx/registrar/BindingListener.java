package org.switchboard.pbx.registrar;

/**
 * Hears of a contact that registered anew: a binding that was not there, or that came back on
 * another flow (a rebooted phone, a new TCP connection). Refreshes of the same device
 * ({@link Binding#isRefreshOf}) and removals are not reported. Unsolicited message-waiting
 * NOTIFYs start here.
 *
 * <p>Called by {@link Location#update} after the change is in place, on the registering thread
 * (a SIP shard): must be quick and must not block.
 */
@FunctionalInterface
public interface BindingListener {
    void bound(Binding binding);
}
