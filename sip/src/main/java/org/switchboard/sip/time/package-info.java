/**
 * Time for the sans-IO SIP stack: a {@link org.switchboard.sip.time.Scheduler} interface that
 * the application implements over a real timer (for instance Netty's {@code HashedWheelTimer}),
 * and {@link org.switchboard.sip.time.ManualScheduler}, a virtual clock for tests.
 *
 * <p>Module {@code sip} never reads a clock or starts a timer thread itself: every RFC 3261
 * timer (A to M) is scheduled here, so transaction tests run in milliseconds with no sleeps.
 */
package org.switchboard.sip.time;
