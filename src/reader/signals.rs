//! Signals and the end of input, as the event loop sees them: a flag per
//! signal, and one pipe that wakes the loop's `poll` when any arrives.

use std::io::{self, Read};
use std::os::fd::{AsRawFd, OwnedFd, RawFd};
use std::os::unix::net::UnixStream;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use signal_hook::SigId;
use signal_hook::consts::{SIGCONT, SIGHUP, SIGINT, SIGTERM, SIGTSTP, SIGWINCH};

/// What the loop must do about the signals that arrived.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Signal {
    /// SIGHUP, SIGTERM or SIGINT: restore the terminal and end.
    Quit(i32),
    /// SIGTSTP from outside: suspend as Ctrl-z does.
    Stop,
    /// SIGCONT: we were stopped (perhaps by SIGSTOP): re-enter and redraw.
    Continue,
    /// SIGWINCH: the terminal has a new size.
    Resize,
}

const WATCHED: [i32; 6] = [SIGHUP, SIGTERM, SIGINT, SIGTSTP, SIGCONT, SIGWINCH];

pub struct Signals {
    flags: Vec<(i32, Arc<AtomicBool>)>,
    wake: UnixStream,
    ids: Vec<SigId>,
}

impl Signals {
    /// Registers the handlers; they stay until this is dropped.
    pub fn register() -> io::Result<Signals> {
        let (wake, wake_write) = UnixStream::pair()?;
        wake.set_nonblocking(true)?;
        wake_write.set_nonblocking(true)?;
        let mut flags = Vec::new();
        let mut ids = Vec::new();
        for sig in WATCHED {
            let flag = Arc::new(AtomicBool::new(false));
            // The flag first, so that the loop woken by the pipe sees it.
            ids.push(signal_hook::flag::register(sig, Arc::clone(&flag))?);
            ids.push(signal_hook::low_level::pipe::register(
                sig,
                wake_write.try_clone()?,
            )?);
            flags.push((sig, flag));
        }
        Ok(Signals { flags, wake, ids })
    }

    /// The signals that arrived since the last call, most urgent first.
    pub fn take(&self) -> Vec<Signal> {
        let mut buf = [0u8; 64];
        while matches!((&self.wake).read(&mut buf), Ok(n) if n > 0) {}
        let mut out = Vec::new();
        for (sig, flag) in &self.flags {
            if flag.swap(false, Ordering::SeqCst) {
                out.push(match *sig {
                    SIGTSTP => Signal::Stop,
                    SIGCONT => Signal::Continue,
                    SIGWINCH => Signal::Resize,
                    sig => Signal::Quit(sig),
                });
            }
        }
        out.sort_by_key(|s| !matches!(s, Signal::Quit(_)));
        out
    }

    fn fd(&self) -> RawFd {
        self.wake.as_raw_fd()
    }
}

impl Drop for Signals {
    fn drop(&mut self) {
        for id in self.ids.drain(..) {
            signal_hook::low_level::unregister(id);
        }
    }
}

/// The terminal the keys come from, watched for input and for hangup,
/// since crossterm spins reading nothing once the terminal is gone.
pub struct Input {
    /// Our own descriptor of the terminal, for `poll` only.
    tty: Option<OwnedFd>,
}

/// What waiting found.
#[derive(Debug, PartialEq, Eq)]
pub enum Wait {
    /// Input to read, a signal, or the time ran out.
    Ready,
    /// The terminal is gone (hung up, closed): nothing will ever come.
    Ended,
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

    /// Waits for input or a signal, at most `timeout` (`None`: forever).
    pub fn wait(&self, signals: &Signals, timeout: Option<Duration>) -> io::Result<Wait> {
        let mut fds = [
            libc::pollfd {
                fd: self.fd(),
                events: libc::POLLIN,
                revents: 0,
            },
            libc::pollfd {
                fd: signals.fd(),
                events: libc::POLLIN,
                revents: 0,
            },
        ];
        let ms = timeout.map_or(-1, |t| t.as_millis().min(i32::MAX as u128) as i32);
        // SAFETY: `fds` is a valid array of two pollfd for the whole call.
        let n = unsafe { libc::poll(fds.as_mut_ptr(), 2, ms) };
        if n < 0 {
            let e = io::Error::last_os_error();
            return if e.kind() == io::ErrorKind::Interrupted {
                Ok(Wait::Ready)
            } else {
                Err(e)
            };
        }
        if fds[0].revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0 {
            return Ok(Wait::Ended);
        }
        Ok(Wait::Ready)
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
