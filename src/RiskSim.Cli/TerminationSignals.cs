using System.Runtime.InteropServices;

namespace RiskSim.Cli;

/// <summary>
/// Turns Ctrl+C (SIGINT) and SIGTERM into cancellation of the command being run, and remembers the
/// first signal so the process can exit with the conventional code, 128 + its number (130, 143).
/// </summary>
/// <remarks>
/// Every signal is marked handled (<see cref="PosixSignalContext.Cancel"/>), the second and later ones
/// too, so no signal ever reaches the runtime's default handler, which would end the process on the
/// spot with the temporary files still there. The handlers stay registered for the life of the process,
/// so a signal that arrives while the process is exiting after its work is done is ignored as well.
/// System.CommandLine's own handling is switched off (see <see cref="Program.Main"/>) so that only
/// this class reacts.
/// </remarks>
internal static class TerminationSignals
{
    private static readonly Lock Gate = new();
    private static PosixSignalRegistration[]? registrations;
    private static Scope? current;

    /// <summary>Starts listening (once per process) and returns the scope the next signals cancel.</summary>
    internal static Scope Begin()
    {
        lock (Gate)
        {
            registrations ??=
            [
                PosixSignalRegistration.Create(PosixSignal.SIGINT, context => Handle(context, 2)),
                PosixSignalRegistration.Create(PosixSignal.SIGTERM, context => Handle(context, 15)),
            ];
            current = new Scope();
            return current;
        }
    }

    private static void Handle(PosixSignalContext context, int number)
    {
        context.Cancel = true;
        Scope? scope;
        lock (Gate)
        {
            scope = current;
        }

        scope?.Signal(number);
    }

    /// <summary>One command's view of the signals: a token, and the exit code the first signal asks for.</summary>
    internal sealed class Scope : IDisposable
    {
        private readonly CancellationTokenSource source = new();
        private int exitCode;

        /// <summary>Cancelled by the first SIGINT or SIGTERM.</summary>
        internal CancellationToken Token => source.Token;

        /// <summary>128 + the first signal's number, or null when no signal has arrived.</summary>
        internal int? ExitCode => Volatile.Read(ref exitCode) is int code and not 0 ? code : null;

        internal void Signal(int number)
        {
            Interlocked.CompareExchange(ref exitCode, 128 + number, 0);
            try
            {
                source.Cancel();
            }
            catch (ObjectDisposedException)
            {
                // The command has finished; nothing left to cancel.
            }
        }

        /// <summary>Stops this scope receiving signals.</summary>
        public void Dispose()
        {
            lock (Gate)
            {
                if (ReferenceEquals(current, this))
                {
                    current = null;
                }
            }

            source.Dispose();
        }
    }
}
