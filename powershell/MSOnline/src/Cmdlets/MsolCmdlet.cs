// The base of every Msol cmdlet: the connection check, the request, paging and the error mapping.
using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Management.Automation;
using System.Reflection;
using System.Threading.Tasks;

namespace Microsoft.Online.Administration.Automation
{
    public abstract class MsolCmdlet : PSCmdlet
    {
        private static readonly Dictionary<Type, Dictionary<string, PropertyInfo>> declaredParameters = new Dictionary<Type, Dictionary<string, PropertyInfo>>();
        private const int LargestPage = 1000;
        /// <summary>Set to 0 to send piped objects one at a time (as MSOnline did) instead of in batches.</summary>
        public const string BatchWritesVariable = "MSOL_BRIDGE_BATCH_WRITES";
        /// <summary>A listing's and a writing cmdlet's progress: distinct, as one may feed the other.</summary>
        private const int ListProgressId = 1;
        private const int WriteProgressId = 2;
        private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(500);
        private bool notConnected;
        // The piped objects' writes in flight (see Submit): reported in order by DrainWrites, and
        // stopped by StopProcessing. Typed by the cmdlet's answer, so held as delegates here.
        private object writeQueue;
        private Func<bool, bool> drainWrites;
        private Func<string> stopWrites;
        private Func<int[]> writeCounts;
        private ProgressRecord writeProgress;
        private Stopwatch writeClock;
        private TimeSpan lastProgress;
        private System.Management.Automation.Host.PSHostUserInterface hostUi;

        /// <summary>The tenant to act on (partners only); the connected tenant when not given.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public Guid? TenantId { get; set; }

        /// <summary>The bridge operation this cmdlet calls: its own name.</summary>
        protected string Operation
        {
            get { return MyInvocation.MyCommand.Name; }
        }

        protected override void BeginProcessing()
        {
            // Kept for StopProcessing, which runs on another thread.
            hostUi = Host == null ? null : Host.UI;
            if (!BridgeSession.IsConnected)
            {
                notConnected = true;
                // MSOnline reported this as a (non-terminating) error of the cmdlet, once.
                WriteError(Faults.Record(new MicrosoftOnlineException(Faults.NotConnectedMessage), null));
            }
        }

        protected override void ProcessRecord()
        {
            if (notConnected) return;
            try
            {
                ProcessOne();
            }
            catch (MicrosoftOnlineException fault)
            {
                WriteError(Faults.Record(fault, Target()));
            }
        }

        /// <summary>Handles one pipeline object (or the single call).</summary>
        protected abstract void ProcessOne();

        /// <summary>Reports every write still pending, in order, before the pipeline ends.</summary>
        protected override void EndProcessing()
        {
            if (drainWrites == null) return;
            while (drainWrites(true)) { }
            if (writeProgress != null)
            {
                ProgressRecord done = new ProgressRecord(WriteProgressId, Operation, writeProgress.StatusDescription);
                done.RecordType = ProgressRecordType.Completed;
                WriteProgress(done);
            }
        }

        /// <summary>Ctrl+C: no more writes start; those started finish; a summary says what was written.</summary>
        protected override void StopProcessing()
        {
            Func<string> stop = stopWrites;
            if (stop == null) return;
            string summary = stop();
            if (summary != null && hostUi != null) hostUi.WriteWarningLine(summary);
        }

        /// <summary>Whether piped objects go to the bridge in batches. Not when the cmdlet runs on its own
        /// (a foreach of single calls keeps its synchronous meaning), and not when the first error must
        /// stop the rest (-ErrorAction Stop or Inquire): later objects of a batch would already be written.</summary>
        private bool BatchesWrites()
        {
            if (!MyInvocation.ExpectingInput) return false;
            if (Environment.GetEnvironmentVariable(BatchWritesVariable) == "0") return false;
            object action;
            if (!MyInvocation.BoundParameters.TryGetValue("ErrorAction", out action)) action = GetVariableValue("ErrorActionPreference");
            PSObject wrapped = action as PSObject;
            if (wrapped != null) action = wrapped.BaseObject;
            ActionPreference preference = ActionPreference.Continue;
            if (action is ActionPreference) preference = (ActionPreference)action;
            else if (action != null) Enum.TryParse(action.ToString(), true, out preference);
            return preference != ActionPreference.Stop && preference != ActionPreference.Inquire;
        }

        /// <summary>Runs a write and hands its answer to done: at once, or (for piped objects) queued into the
        /// bridge's batches, with its error reported as this object's error, in order.</summary>
        protected void Submit<T>(RequestBody body, string target, Action<T> done)
        {
            if (!BatchesWrites())
            {
                done(Call<T>(body));
                return;
            }
            WriteQueue<T> queue = writeQueue as WriteQueue<T>;
            if (queue == null)
            {
                queue = new WriteQueue<T>(BridgeSession.Client, Operation);
                writeQueue = queue;
                drainWrites = wait => ReportAnswered(queue, wait);
                stopWrites = queue.Stop;
                writeCounts = () => new[] { queue.Submitted, queue.Answered };
                writeClock = Stopwatch.StartNew();
            }
            queue.Add(new QueuedWrite<T>(body, Target(), target, done));
            // Report what is answered; wait while the next batch is full (the pipeline's back pressure).
            while (drainWrites(false)) { }
            while (queue.IsFull && drainWrites(true)) { }
        }

        /// <summary>Reports the oldest batch's answers if it is answered (or waits for it); false when there was none.</summary>
        private bool ReportAnswered<T>(WriteQueue<T> queue, bool wait)
        {
            List<QueuedWrite<T>> writes = queue.TakeAnswered(wait);
            if (writes == null) return false;
            foreach (QueuedWrite<T> write in writes)
            {
                if (write.Fault != null) WriteError(Faults.Record(write.Fault, write.ErrorTarget));
                else write.Done(write.Answer);
            }
            ShowWriteProgress();
            return true;
        }

        /// <summary>Counts, rate and time left of a long run of piped writes, at most twice a second.</summary>
        private void ShowWriteProgress()
        {
            TimeSpan now = writeClock.Elapsed;
            if (now - lastProgress < ProgressInterval) return;
            lastProgress = now;
            int[] counts = writeCounts();
            int submitted = counts[0], answered = counts[1];
            double rate = answered / Math.Max(now.TotalSeconds, 0.001);
            // A new record each time: hosts and streams may keep the records they are given.
            writeProgress = new ProgressRecord(WriteProgressId, Operation, string.Format(System.Globalization.CultureInfo.InvariantCulture,
                "{0} of {1} objects written so far ({2:0.0} per second)", answered, submitted, rate));
            writeProgress.PercentComplete = submitted == 0 ? 0 : (int)(100L * answered / submitted);
            writeProgress.SecondsRemaining = rate > 0 ? (int)Math.Ceiling((submitted - answered) / rate) : -1;
            WriteProgress(writeProgress);
        }

        /// <summary>Asks before a drastic change, as MSOnline did, unless -Confirm:$false was given. A
        /// session that cannot ask (no terminal, a non-interactive host) gets an error that says how to
        /// go on instead of the host's own failure. <paramref name="change"/> completes "asks before
        /// it ...": "removes a user", "turns off directory synchronization".</summary>
        protected bool AskToContinue(string question, string change)
        {
            bool confirmDeclined = MyInvocation.BoundParameters.ContainsKey("Confirm") && !((SwitchParameter)MyInvocation.BoundParameters["Confirm"]).IsPresent;
            if (confirmDeclined) return true;
            Exception failure;
            try
            {
                return ShouldContinue(question, Operation);
            }
            catch (NullReferenceException e) { failure = e; }
            catch (System.Management.Automation.Host.HostException e) { failure = e; }
            catch (PSInvalidOperationException e) { failure = e; }
            ThrowTerminatingError(new ErrorRecord(
                new PSInvalidOperationException(Operation + " asks before it " + change + ", and this session cannot ask (it has no interactive terminal). Add -Force, or -Confirm:$false, to go on without asking.", failure),
                "ConfirmationNotPossible",
                ErrorCategory.InvalidOperation,
                Target()));
            return false;
        }

        /// <summary>What an error is about (the ErrorRecord's TargetObject).</summary>
        protected virtual object Target() { return null; }

        /// <summary>The parameters the caller bound (on the command line or from the piped object),
        /// and nothing else, as the request body: the bridge then writes only what was asked.
        /// Parameters that only steer the cmdlet itself (-Force) are named in cmdletOnly.
        /// Values are read from the parameters themselves: PowerShell resets a parameter bound from an
        /// earlier piped object before binding the next, but may leave it listed in BoundParameters.</summary>
        protected RequestBody BoundBody(params string[] cmdletOnly)
        {
            Dictionary<string, PropertyInfo> declared = DeclaredParameters(GetType());
            RequestBody body = new RequestBody();
            foreach (string name in MyInvocation.BoundParameters.Keys)
            {
                PropertyInfo property;
                if (!declared.TryGetValue(name, out property) || Array.IndexOf(cmdletOnly, name) >= 0) continue;
                object value = property.GetValue(this, null);
                // A reset non-nullable Guid parameter reads as Guid.Empty, which names no object.
                if (value is Guid && (Guid)value == Guid.Empty) continue;
                body.Set(property.Name, value);
            }
            return body;
        }

        private static Dictionary<string, PropertyInfo> DeclaredParameters(Type type)
        {
            lock (declaredParameters)
            {
                Dictionary<string, PropertyInfo> properties;
                if (declaredParameters.TryGetValue(type, out properties)) return properties;
                properties = new Dictionary<string, PropertyInfo>(StringComparer.OrdinalIgnoreCase);
                foreach (PropertyInfo property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
                {
                    if (property.GetCustomAttributes(typeof(ParameterAttribute), true).Length > 0) properties[property.Name] = property;
                }
                declaredParameters[type] = properties;
                return properties;
            }
        }

        protected T Call<T>(RequestBody body)
        {
            return BridgeSession.Client.Call<T>(Operation, body);
        }

        /// <summary>Runs a write after ShouldProcess (so -WhatIf and -Confirm work) and reports what changed.</summary>
        protected void Change(RequestBody body, string target, string action)
        {
            if (!ShouldProcess(target, action)) return;
            Submit<WriteOutcome>(body, target, outcome => ReportOutcome(target, outcome));
        }

        /// <summary>A write's warnings (what the backend could not express) and, with -Verbose, what changed.</summary>
        protected void ReportOutcome(string target, WriteOutcome outcome)
        {
            if (outcome != null && outcome.Warnings != null)
            {
                // Name the user by UPN even when the request named them by ObjectId (piped users).
                string who = string.IsNullOrEmpty(outcome.UserPrincipalName) ? target : outcome.UserPrincipalName;
                foreach (string warning in outcome.Warnings) WriteWarning(who + ": " + warning);
            }
            if (outcome != null && outcome.Changed != null)
            {
                WriteVerbose(outcome.Changed.Count == 0
                    ? target + ": nothing to change."
                    : target + ": changed " + string.Join(", ", outcome.Changed.ToArray()) + ".");
            }
        }

        /// <summary>Streams a list page by page: each object goes down the pipeline as soon as its page
        /// arrives. The next page is asked for (from the Next-Page-Token header) before this one is
        /// parsed, so the bridge works on it while this thread parses and writes.</summary>
        protected void Stream<T>(RequestBody body, string noun, bool showProgress)
        {
            BridgeClient client = BridgeSession.Client;
            string operation = Operation;
            ProgressRecord progress = null;
            Stopwatch clock = Stopwatch.StartNew();
            long count = 0;
            long? total = null;
            // Long listings take the bridge's largest pages: fewer round trips, same order.
            if (showProgress) body = body.Copy().Set("PageSize", LargestPage);
            RawAnswer raw = client.CallRaw(operation, body);
            while (raw != null)
            {
                Task<RawAnswer> next = raw.NextPageToken == null ? null : FetchPage(client, operation, body, raw.NextPageToken);
                ListPage<T> page = raw.Read<ListPage<T>>();
                if (page.EstimatedTotal.HasValue) total = page.EstimatedTotal;
                if (next == null && !string.IsNullOrEmpty(page.NextPageToken))
                {
                    next = FetchPage(client, operation, body, page.NextPageToken);
                }
                if (page.Value != null)
                {
                    foreach (T item in page.Value) WriteObject(item);
                    count += page.Value.Count;
                }
                if (page.MoreResultsAvailable)
                {
                    WriteWarning("More " + noun + " exist than were returned. Use -All to return every one, or -MaxResults to return more.");
                }
                if (showProgress)
                {
                    double seconds = Math.Max(clock.Elapsed.TotalSeconds, 0.001);
                    double rate = count / seconds;
                    // A new record each time: hosts and streams may keep the records they are given.
                    progress = new ProgressRecord(ListProgressId, operation, total.HasValue
                        ? string.Format(System.Globalization.CultureInfo.InvariantCulture, "{0} of about {1} {2} so far ({3:0} per second)", count, total.Value, noun, rate)
                        : string.Format(System.Globalization.CultureInfo.InvariantCulture, "{0} {1} so far ({2:0} per second)", count, noun, rate));
                    if (total.HasValue && total.Value > 0)
                    {
                        // An estimate (users come and go meanwhile): the bar holds at 99% until the listing ends.
                        progress.PercentComplete = (int)Math.Min(99, 100 * count / total.Value);
                        progress.SecondsRemaining = rate > 0 ? (int)Math.Ceiling(Math.Max(0, total.Value - count) / rate) : -1;
                    }
                    WriteProgress(progress);
                }
                raw = next == null ? null : Await(next);
            }
            if (progress != null)
            {
                ProgressRecord done = new ProgressRecord(ListProgressId, operation, progress.StatusDescription);
                done.RecordType = ProgressRecordType.Completed;
                WriteProgress(done);
            }
        }

        private static Task<RawAnswer> FetchPage(BridgeClient client, string operation, RequestBody body, string token)
        {
            RequestBody nextBody = body.Copy().Set("PageToken", token);
            return Task.Factory.StartNew(() => client.CallRaw(operation, nextBody));
        }

        private static RawAnswer Await(Task<RawAnswer> task)
        {
            try
            {
                return task.GetAwaiter().GetResult();
            }
            catch (AggregateException failure)
            {
                throw failure.GetBaseException();
            }
        }

        /// <summary>Reads a list answer to its end (short lists: roles, domains, SKUs).</summary>
        protected void WriteAll<T>(RequestBody body)
        {
            Stream<T>(body, "objects", false);
        }
    }
}
