// Finds, starts and stops the msol-bridge process that serves this PowerShell session.
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Microsoft.Online.Administration.Automation
{
    public sealed class BridgeProcess : IDisposable
    {
        public const string ExeVariable = "MSOL_BRIDGE_EXE";
        private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(60);
        /// <summary>How long an interactive sign-in may take once its code is shown (the code's own life).</summary>
        private static readonly TimeSpan SignInTimeout = TimeSpan.FromMinutes(15);

        private readonly Process process;
        private readonly Queue<string> errorTail = new Queue<string>();

        private BridgeProcess(Process process) { this.process = process; }

        public ReadyLine Ready { get; private set; }
        public string Secret { get; private set; }
        public bool HasExited { get { return process.HasExited; } }

        /// <summary>The bridge binary: MSOL_BRIDGE_EXE, else the package's own for this platform
        /// (bin/&lt;runtime id&gt;/), else beside the module, else on PATH.</summary>
        public static string Find(string moduleRoot, string[] runtimeIds)
        {
            string fromEnvironment = Environment.GetEnvironmentVariable(ExeVariable);
            if (!string.IsNullOrEmpty(fromEnvironment))
            {
                if (File.Exists(fromEnvironment)) return Path.GetFullPath(fromEnvironment);
                throw new MicrosoftOnlineException(ExeVariable + " names '" + fromEnvironment + "', which does not exist.");
            }
            string name = IsWindows ? "msol-bridge.exe" : "msol-bridge";
            List<string> candidates = new List<string>();
            if (!string.IsNullOrEmpty(moduleRoot))
            {
                string packaged = Path.Combine(moduleRoot, "bin");
                foreach (string runtimeId in runtimeIds ?? new string[0])
                {
                    candidates.Add(Path.Combine(Path.Combine(packaged, runtimeId), name));
                }
                candidates.Add(Path.Combine(moduleRoot, name));
                candidates.Add(Path.Combine(Path.Combine(moduleRoot, "bin"), name));
            }
            string path = Environment.GetEnvironmentVariable("PATH") ?? "";
            foreach (string folder in path.Split(Path.PathSeparator))
            {
                if (folder.Length > 0) candidates.Add(Path.Combine(folder.Trim('"'), name));
            }
            foreach (string candidate in candidates)
            {
                if (File.Exists(candidate)) return candidate;
            }
            throw new MicrosoftOnlineException("Cannot find the msol-bridge program: set " + ExeVariable +
                " to its path, put it beside the MSOnline module (" + (moduleRoot ?? "?") + "), or put it on PATH.");
        }

        private static bool IsWindows
        {
            get { return Path.DirectorySeparatorChar == '\\'; }
        }

        /// <summary>Starts `msol-bridge serve` with a fresh secret on its stdin (and, when given, the
        /// sign-in secret on the second line) and waits for its ready line. Sign-in instructions the
        /// bridge prints before it is ready go to <paramref name="showSignIn"/>.</summary>
        public static BridgeProcess Start(string exe, IList<string> arguments, string signInSecret, Action<string> showSignIn)
        {
            ProcessStartInfo start = new ProcessStartInfo(exe, Quote(arguments));
            start.UseShellExecute = false;
            start.CreateNoWindow = true;
            start.RedirectStandardInput = true;
            start.RedirectStandardOutput = true;
            start.RedirectStandardError = true;
            start.StandardOutputEncoding = Encoding.UTF8;
            start.StandardErrorEncoding = Encoding.UTF8;
            if (string.IsNullOrEmpty(Environment.GetEnvironmentVariable("MSOL_BRIDGE_LOG")))
            {
                start.EnvironmentVariables["MSOL_BRIDGE_LOG"] = "warn";
            }
            // The secret goes through stdin only, never argv or the environment.
            start.EnvironmentVariables.Remove("MSOL_BRIDGE_SECRET");

            Process process;
            try
            {
                process = Process.Start(start);
            }
            catch (Exception failure)
            {
                // A package unzipped without file modes leaves the binary not executable (Install-Module on Linux and macOS).
                string hint = IsWindows ? "" : " If it is not executable, run: chmod +x '" + exe.Replace("'", "'\\''") + "'";
                throw new MicrosoftOnlineException("Cannot start the msol-bridge program '" + exe + "': " + failure.Message.TrimEnd('.') + "." + hint, failure);
            }
            BridgeProcess bridge = new BridgeProcess(process);
            bridge.Secret = NewSecret();
            bridge.CollectErrors();
            try
            {
                process.StandardInput.WriteLine(bridge.Secret);
                if (signInSecret != null) process.StandardInput.WriteLine(signInSecret);
                process.StandardInput.Flush();
                bridge.Ready = bridge.ReadReadyLine(showSignIn);
            }
            catch
            {
                bridge.Dispose();
                throw;
            }
            bridge.DrainOutput();
            return bridge;
        }

        private ReadyLine ReadReadyLine(Action<string> showSignIn)
        {
            TimeSpan timeout = ReadyTimeout;
            while (true)
            {
                Task<string> line = Task.Factory.StartNew(() => process.StandardOutput.ReadLine(), TaskCreationOptions.LongRunning);
                if (!line.Wait(timeout))
                {
                    throw new MicrosoftOnlineException("The msol-bridge program did not report ready within " + timeout.TotalSeconds + " s." + ErrorTail());
                }
                if (line.Result == null)
                {
                    // Once exited, the parameterless wait also lets the stderr handler read to the end,
                    // so the bridge's last words reach the error.
                    if (process.WaitForExit(5000)) process.WaitForExit();
                    string code = process.HasExited ? " (exit code " + process.ExitCode + ")" : "";
                    throw new MicrosoftOnlineException("The msol-bridge program stopped before it was ready" + code + "." + ErrorTail());
                }
                ReadyLine ready;
                try
                {
                    ready = WireJson.Read<ReadyLine>(line.Result);
                }
                catch (System.Runtime.Serialization.SerializationException)
                {
                    ready = null;
                }
                if (ready != null && ready.Event == "SignIn" && !string.IsNullOrEmpty(ready.Message))
                {
                    if (showSignIn != null) showSignIn(ready.Message);
                    timeout = SignInTimeout;
                    continue;
                }
                if (ready == null || ready.Event != "Ready" || string.IsNullOrEmpty(ready.Url))
                {
                    throw new MicrosoftOnlineException("The msol-bridge program printed an unexpected line: " + line.Result);
                }
                return ready;
            }
        }

        private void CollectErrors()
        {
            process.ErrorDataReceived += (sender, e) =>
            {
                if (e.Data == null) return;
                lock (errorTail)
                {
                    errorTail.Enqueue(e.Data);
                    while (errorTail.Count > 20) errorTail.Dequeue();
                }
            };
            process.BeginErrorReadLine();
        }

        /// <summary>Null while the bridge runs; once it has exited, the error every later call gets.</summary>
        public string StoppedMessage()
        {
            try
            {
                if (!process.HasExited) return null;
                // The parameterless wait lets the stderr handler read to the end.
                process.WaitForExit();
                string last;
                lock (errorTail)
                {
                    string[] lines = errorTail.ToArray();
                    last = lines.Length == 0 ? null : Printable(lines[lines.Length - 1]);
                }
                return "The msol-bridge process stopped (exit code " + process.ExitCode + ")" +
                    (string.IsNullOrEmpty(last) ? "" : ": " + last) + ". Run Connect-MsolService again.";
            }
            catch (InvalidOperationException)
            {
                return "The msol-bridge process is gone. Run Connect-MsolService again.";
            }
        }

        /// <summary>A log line without terminal escapes or other control characters (they must not reach the console).</summary>
        private static string Printable(string line)
        {
            StringBuilder printable = new StringBuilder(line.Length);
            for (int i = 0; i < line.Length; i++)
            {
                char c = line[i];
                if (c == '\u001b' && i + 1 < line.Length && line[i + 1] == '[')
                {
                    // A CSI sequence (colours): parameters and intermediates up to its final byte.
                    i += 2;
                    while (i < line.Length && (line[i] < '@' || line[i] > '~')) i++;
                    continue;
                }
                if (!char.IsControl(c)) printable.Append(c);
            }
            return printable.ToString().Trim();
        }

        /// <summary>The bridge's last error lines, to explain a failure.</summary>
        public string ErrorTail()
        {
            lock (errorTail)
            {
                if (errorTail.Count == 0) return "";
                List<string> lines = new List<string>();
                foreach (string line in errorTail) lines.Add(Printable(line));
                return " Its last messages: " + string.Join(" | ", lines.ToArray());
            }
        }

        private void DrainOutput()
        {
            Thread drain = new Thread(() =>
            {
                try { while (process.StandardOutput.ReadLine() != null) { } }
                catch (IOException) { }
                catch (ObjectDisposedException) { }
            });
            drain.IsBackground = true;
            drain.Start();
        }

        private static string NewSecret()
        {
            byte[] bytes = new byte[32];
            using (RandomNumberGenerator random = RandomNumberGenerator.Create())
            {
                random.GetBytes(bytes);
            }
            StringBuilder hex = new StringBuilder(64);
            foreach (byte b in bytes) hex.Append(b.ToString("x2"));
            return hex.ToString();
        }

        private static string Quote(IList<string> arguments)
        {
            StringBuilder line = new StringBuilder();
            foreach (string argument in arguments)
            {
                if (line.Length > 0) line.Append(' ');
                if (argument.Length > 0 && argument.IndexOfAny(new[] { ' ', '\t', '"' }) < 0)
                {
                    line.Append(argument);
                    continue;
                }
                line.Append('"');
                int backslashes = 0;
                foreach (char c in argument)
                {
                    if (c == '\\') { backslashes++; continue; }
                    if (c == '"') line.Append('\\', backslashes * 2 + 1);
                    else line.Append('\\', backslashes);
                    backslashes = 0;
                    line.Append(c);
                }
                line.Append('\\', backslashes * 2);
                line.Append('"');
            }
            return line.ToString();
        }

        /// <summary>Closing stdin tells the bridge to exit; it is killed if it does not within 5 s.</summary>
        public void Dispose()
        {
            try
            {
                if (!process.HasExited)
                {
                    process.StandardInput.Close();
                    if (!process.WaitForExit(5000)) process.Kill();
                }
            }
            catch (InvalidOperationException) { }
            catch (IOException) { }
            process.Dispose();
        }
    }
}
