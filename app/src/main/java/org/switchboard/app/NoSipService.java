package org.switchboard.app;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.pbx.call.LiveCalls;

/**
 * STUB: a {@link SipService} that binds nothing and has no registrations. It lets the server,
 * the admin API and the CLI run (and be tested) before the SIP stack is wired in; the real
 * implementation replaces it in {@link ServerWiring#production()}.
 */
public final class NoSipService implements SipService {
    private static final Logger LOG = LoggerFactory.getLogger(NoSipService.class);

    @Override
    public Bound start(Context context) {
        LOG.warn("SIP is not wired in this build: no SIP listener is started");
        return new Bound(List.of(), List::of, LiveCalls.NONE);
    }

    @Override
    public void close() {
        // nothing was started
    }
}
