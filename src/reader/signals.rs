//! Signals and the end of input, as the event loop sees them: a flag per
//! signal, looked at whenever the loop wakes (at least five times a
//! second), and a watchdog for when it cannot.

use std::io;
use std::os::fd::{AsRawFd, OwnedFd, RawFd};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use signal_hook::SigId;
use signal_hook::consts::{SIGCONT, SIGHUP, SIGINT, SIGTERM, SIGTSTP};

/// What the loop must do about the signals that arrived.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Signal {
    /// SIGHUP, SIGTERM or SIGINT: restore the terminal and end.
    Quit(i32),
    /// SIGTSTP from outside: suspend as Ctrl-z does.
    Stop,
    /// SIGCONT: we were stopped (perhaps by SIGSTOP): re-enter and redraw.
    Continue,
}

const WATCHED: [i32; 5] = [SIGHUP, SIGTERM, SIGINT, SIGTSTP, SIGCONT];

pub struct Signals {
    flags: Vec<(i32, Arc<AtomicBool>)>,
    ids: Vec<SigId>,
}

impl Signals {
    /// Registers the handlers; they stay until this is dropped.
    pub fn register() -> io::Result<Signals> {
        let mut flags = Vec::new();
        let mut ids = Vec::new();
        for sig in WATCHED {
            let flag = Arc::new(AtomicBool::new(false));
            ids.push(signal_hook::flag::register(sig, Arc::clone(&flag))?);
            flags.push((sig, flag));
        }
        Ok(Signals { flags, ids })
    }

    /// The signals that arrived since the last call, most urgent first.
    pub fn take(&self) -> Vec<Signal> {
        let mut out = Vec::new();
        for (sig, flag) in &self.flags {
            if flag.swap(false, Ordering::SeqCst) {
                out.push(match *sig {
                    SIGTSTP => Signal::Stop,
                    SIGCONT => Signal::Continue,
                    sig => Signal::Quit(sig),
                });
            }
        }
        out.sort_by_key(|s| !matches!(s, Signal::Quit(_)));
        out
    }
}

impl Drop for Signals {
    fn drop(&mut self) {
        for id in self.ids.drain(..) {
            signal_hook::low_level::unregister(id);
        }
    }
}

/// Ends the process if the loop does not within half a second of SIGHUP,
/// SIGTERM or SIGINT: a hung-up terminal can leave crossterm reading
/// nothing forever, where the loop never sees its flags. `restore` puts
/// the terminal back (what it can of it) first.
pub fn watchdog(restore: fn()) -> io::Result<()> {
    let mut quit = signal_hook::iterator::Signals::new([SIGHUP, SIGTERM, SIGINT])?;
    std::thread::Builder::new()
        .name("signal watchdog".into())
        .spawn(move || {
            if let Some(sig) = quit.forever().next() {
                std::thread::sleep(Duration::from_millis(500));
                restore();
                std::process::exit(128 + sig);
            }
        })?;
    Ok(())
}

/// The terminal the keys come from, watched for input and for hangup,
/// since crossterm spins reading nothing once the terminal is gone.
pub struct Input {
    /// Our own descriptor of the terminal, for `poll` only.
    tty: Option<OwnedFd>,
}

impl Input {
    /// Opens the terminal the way crossterm finds it: standard input if it
    /// is one, else /dev/tty. Fails without a controlling terminal.
    pub fn open() -> io::Result<Input> {
        use std::io::IsTerminal;
        if io::stdin().is_terminal() {
            return Ok(Input { tty: None });
        }
        let f = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .open("/dev/tty")?;
        Ok(Input {
            tty: Some(f.into()),
        })
    }

    fn fd(&self) -> RawFd {
        self.tty.as_ref().map_or(0, |f| f.as_raw_fd())
    }

    /// Whether the terminal is gone, without waiting.
    pub fn ended(&self) -> bool {
        let mut fd = libc::pollfd {
            fd: self.fd(),
            events: libc::POLLIN,
            revents: 0,
        };
        // SAFETY: one valid pollfd, no timeout.
        let n = unsafe { libc::poll(&mut fd, 1, 0) };
        n > 0 && fd.revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0
    }
}
