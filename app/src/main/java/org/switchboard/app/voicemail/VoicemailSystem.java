package org.switchboard.app.voicemail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.app.StartupException;
import org.switchboard.app.config.SwitchboardConfig;
import org.switchboard.app.mail.MailNotConfigured;
import org.switchboard.app.mail.SmtpMailSender;
import org.switchboard.app.mail.SmtpSettings;
import org.switchboard.app.mail.SmtpTls;
import org.switchboard.pbx.extension.Extension;
import org.switchboard.pbx.extension.ExtensionService;
import org.switchboard.pbx.prompt.PromptLibrary;
import org.switchboard.pbx.voice.VoiceApplications;
import org.switchboard.pbx.voicemail.call.VoicemailApplications;
import org.switchboard.pbx.voicemail.mailbox.MailboxLanguage;
import org.switchboard.pbx.voicemail.VoicemailAdmin;
import org.switchboard.pbx.voicemail.VoicemailRepositories;
import org.switchboard.pbx.voicemail.VoicemailSettings;
import org.switchboard.pbx.voicemail.delivery.MailDelivery;
import org.switchboard.pbx.voicemail.delivery.MailSender;
import org.switchboard.pbx.voicemail.file.PrivateDirectory;
import org.switchboard.pbx.voicemail.greeting.GreetingSelector;
import org.switchboard.pbx.voicemail.greeting.GreetingStore;
import org.switchboard.pbx.voicemail.mailbox.MailboxService;
import org.switchboard.pbx.voicemail.mailbox.PinHash;
import org.switchboard.pbx.voicemail.message.MessageStore;

/**
 * Voicemail of one server, started before SIP takes calls: {@code DATA/voicemail/} (mode 0700),
 * the mailbox service, greeting and message stores repaired by their {@code recover()}, and the
 * mail queue whose pending deliveries resume. What the call flow needs is here: {@link #mailboxes()},
 * {@link #greetings()}, {@link #selector()}, {@link #messages()}, {@link #settings()}.
 */
public final class VoicemailSystem implements AutoCloseable {
    /** The directory of recordings inside the data directory. */
    public static final String DIRECTORY = "voicemail";
    private static final Logger LOG = LoggerFactory.getLogger(VoicemailSystem.class);

    private final VoicemailSettings settings;
    private final MailboxService mailboxes;
    private final GreetingStore greetings;
    private final GreetingSelector selector;
    private final MessageStore messages;
    private final MailDelivery delivery;
    private final VoicemailAdmin admin;
    private final Clock clock;
    private final ZoneId zone;

    private VoicemailSystem(VoicemailSettings settings, MailboxService mailboxes, GreetingStore greetings,
                            GreetingSelector selector, MessageStore messages, MailDelivery delivery, VoicemailAdmin admin,
                            Clock clock, ZoneId zone) {
        this.clock = clock;
        this.zone = zone;
        this.settings = settings;
        this.mailboxes = mailboxes;
        this.greetings = greetings;
        this.selector = selector;
        this.messages = messages;
        this.delivery = delivery;
        this.admin = admin;
    }

    /**
     * Opens voicemail on {@code repositories}, repairs what a crash left, starts the mail queue.
     *
     * @throws StartupException when {@code DATA/voicemail} cannot be created or the SMTP settings are unusable
     */
    public static VoicemailSystem start(SwitchboardConfig config, VoicemailRepositories repositories,
                                        ExtensionService extensions, Clock clock) throws StartupException {
        Objects.requireNonNull(repositories, "repositories");
        Objects.requireNonNull(extensions, "extensions");
        return start(config, repositories, extensions, clock, sender(config, clock));
    }

    /** As {@link #start(SwitchboardConfig, VoicemailRepositories, ExtensionService, Clock)} with a given mail sender. */
    public static VoicemailSystem start(SwitchboardConfig config, VoicemailRepositories repositories,
                                        ExtensionService extensions, Clock clock, MailSender sender)
            throws StartupException {
        Path root = config.dataDir().resolve(DIRECTORY);
        try {
            PrivateDirectory.create(root);
        } catch (IOException e) {
            throw new StartupException("Cannot create " + root + ": " + e.getMessage()
                    + ": check that the data directory is writable", e);
        }
        VoicemailSettings settings = config.voicemail();
        SecureRandom random = new SecureRandom();
        ZoneId zone = ZoneId.systemDefault();
        MailboxService mailboxes = new MailboxService(repositories.mailboxes(), n -> extensions.find(n).isPresent(), random,
                PinHash.DEFAULT_ITERATIONS, settings.language(),
                n -> extensions.find(n).flatMap(Extension::language).flatMap(MailboxLanguage::parse), clock);
        GreetingStore greetings = new GreetingStore(root, repositories.greetings(), clock);
        MessageStore messages = new MessageStore(root, repositories.messages(), settings.limits(), clock, random);
        MailDelivery delivery = new MailDelivery(repositories.deliveries(), messages, mailboxes::mailbox, sender,
                settings.emailRetry(), clock, zone, settings.language());
        messages.addArrivalListener(delivery);
        recover(greetings, messages);
        delivery.start();
        return new VoicemailSystem(settings, mailboxes, greetings, new GreetingSelector(zone), messages, delivery,
                new VoicemailAdmin(mailboxes, greetings, messages, repositories.deliveries()), clock, zone);
    }

    /** Recovery problems are logged, not fatal: phones come first, and the files stay for the next start. */
    private static void recover(GreetingStore greetings, MessageStore messages) {
        try {
            int repaired = greetings.recover();
            if (repaired > 0) LOG.warn("Voicemail greetings repaired after an unclean stop: {}", repaired);
            LOG.info("Voicemail messages checked: {}", messages.recover());
        } catch (IOException | RuntimeException e) {
            LOG.error("Cannot check the voicemail files against their index: {}", e.toString());
        }
    }

    private static MailSender sender(SwitchboardConfig config, Clock clock) throws StartupException {
        SmtpSettings smtp = config.smtp();
        if (!smtp.configured()) {
            LOG.info("Voicemail to e-mail: no smtp.host configured; mails wait until one is");
            return new MailNotConfigured();
        }
        if (smtp.password().isPresent()) warnIfReadable(config.dataDir().resolve(SwitchboardConfig.FILE_NAME));
        if (smtp.tls() == SmtpTls.NONE && smtp.username().isPresent()) {
            LOG.warn("smtp.tls is none: the SMTP password crosses the network in clear; use starttls or tls");
        }
        try {
            SmtpMailSender sender = SmtpMailSender.create(smtp, clock);
            LOG.info("Voicemail to e-mail through {}:{} ({})", smtp.host().orElseThrow(), smtp.port(), smtp.tls().word());
            return sender;
        } catch (IOException e) {
            throw new StartupException("Cannot use the SMTP settings: " + e.getMessage(), e);
        }
    }

    /** The YAML file holds the SMTP password in clear: it should be readable by the server's user only. */
    static boolean warnIfReadable(Path yaml) {
        try {
            Set<PosixFilePermission> modes = Files.getPosixFilePermissions(yaml);
            if (modes.contains(PosixFilePermission.GROUP_READ) || modes.contains(PosixFilePermission.OTHERS_READ)) {
                LOG.warn("{} holds smtp.password and is readable by other users: run chmod 600 {}", yaml, yaml);
                return true;
            }
        } catch (IOException | UnsupportedOperationException e) {
            // no POSIX modes here: nothing to check
        }
        return false;
    }

    public VoicemailSettings settings() { return settings; }

    public MailboxService mailboxes() { return mailboxes; }

    public GreetingStore greetings() { return greetings; }

    public GreetingSelector selector() { return selector; }

    public MessageStore messages() { return messages; }

    /**
     * The calls voicemail answers: an extension's unanswered calls (its mailbox takes a message),
     * {@code *97} and {@code *98} (the mailbox menus), speaking with {@code prompts}.
     */
    public VoiceApplications applications(PromptLibrary prompts) {
        if (!settings.enabled()) {
            LOG.info("Voicemail is off (voicemail.enabled: false): unanswered calls get busy or unavailable");
            return VoiceApplications.NONE;
        }
        return new VoicemailApplications(mailboxes, greetings, selector, messages, settings, prompts, clock, zone,
                settings.operator());
    }

    /** What the REST API and the CLI see. */
    public VoicemailAdmin admin() { return admin; }

    /** Stops the mail queue; pending deliveries stay in the database for the next start. */
    @Override
    public void close() {
        delivery.close();
    }
}
