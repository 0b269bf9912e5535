// Objects piped into a writing cmdlet: sent to the bridge in batches while the pipeline keeps
// flowing, answered in the order they came.
using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;

namespace Microsoft.Online.Administration.Automation
{
    /// <summary>One piped object's write: its request, what its error is about, and its answer once known.</summary>
    public sealed class QueuedWrite<T>
    {
        public QueuedWrite(RequestBody body, object errorTarget, string target, Action<T> done)
        {
            Body = body;
            ErrorTarget = errorTarget;
            Target = target;
            Done = done;
        }

        public RequestBody Body { get; private set; }
        public object ErrorTarget { get; private set; }
        /// <summary>The object as people name it (user principal name or object id).</summary>
        public string Target { get; private set; }
        public Action<T> Done { get; private set; }
        public T Answer { get; set; }
        /// <summary>Set when the write failed (or was not run because the batch was stopped).</summary>
        public MicrosoftOnlineException Fault { get; set; }
    }

    /// <summary>Keeps at most MaxInFlight batches at the bridge and gathers the next one meanwhile, so
    /// batches grow with the backend's pace (the first object goes at once). Answers are handed back
    /// batch by batch in the order the objects came. An object naming the same user as one still in
    /// flight waits for that batch: the bridge orders items within a batch, this orders across them.
    /// Only the pipeline thread calls Add and TakeAnswered; Stop comes from PowerShell's stop thread.</summary>
    public sealed class WriteQueue<T>
    {
        /// <summary>The most objects in one batch: about ten seconds of writes at Graph's write quota.</summary>
        public const int MaxBatch = 200;
        public const int MaxInFlight = 2;
        /// <summary>How long a stop waits to learn how the started writes ended. They finish at the
        /// bridge either way (a write waiting out a long Retry-After may take longer).</summary>
        private static readonly TimeSpan StopWait = TimeSpan.FromMinutes(1);
        /// <summary>The parameters that name the object a write changes (the bridge's list too).</summary>
        private static readonly string[] TargetFields = { "ObjectId", "UserPrincipalName", "NewUserPrincipalName", "RoleMemberObjectId", "RoleMemberEmailAddress" };
        public const string StoppedCode = "OperationStoppedException";

        private sealed class Batch
        {
            public readonly Guid Id = Guid.NewGuid();
            public List<QueuedWrite<T>> Items;
            public HashSet<string> Keys;
            public Task Sent;
        }

        private readonly BridgeClient client;
        private readonly string operation;
        private readonly object gate = new object();
        private List<QueuedWrite<T>> pending = new List<QueuedWrite<T>>();
        private HashSet<string> pendingKeys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        private readonly Queue<Batch> inFlight = new Queue<Batch>();
        private bool stopped;
        private int submitted;
        private int answered;
        private int written;
        private int failed;

        public WriteQueue(BridgeClient client, string operation)
        {
            this.client = client;
            this.operation = operation;
        }

        public int Submitted { get { lock (gate) { return submitted; } } }
        public int Answered { get { lock (gate) { return answered; } } }
        public bool IsEmpty { get { lock (gate) { return pending.Count == 0 && inFlight.Count == 0; } } }
        /// <summary>Whether the pipeline must wait before adding more: the next batch is full.</summary>
        public bool IsFull { get { lock (gate) { return pending.Count >= MaxBatch; } } }

        public void Add(QueuedWrite<T> write)
        {
            lock (gate)
            {
                pending.Add(write);
                foreach (string key in KeysOf(write.Body)) pendingKeys.Add(key);
                submitted++;
            }
            TrySend();
        }

        /// <summary>The oldest batch's writes once answered (waiting for it when asked to), or null.
        /// Sends what was gathered meanwhile, so the bridge is never left idle.</summary>
        public List<QueuedWrite<T>> TakeAnswered(bool wait)
        {
            TrySend();
            Batch oldest;
            lock (gate)
            {
                if (inFlight.Count == 0) return null;
                oldest = inFlight.Peek();
            }
            if (!oldest.Sent.IsCompleted)
            {
                if (!wait) return null;
                oldest.Sent.Wait();
            }
            lock (gate) { inFlight.Dequeue(); }
            TrySend();
            return oldest.Items;
        }

        private void TrySend()
        {
            Batch batch;
            lock (gate)
            {
                if (stopped || pending.Count == 0 || inFlight.Count >= MaxInFlight) return;
                foreach (Batch sent in inFlight)
                {
                    if (sent.Keys.Overlaps(pendingKeys)) return;
                }
                batch = new Batch();
                batch.Items = pending;
                batch.Keys = pendingKeys;
                pending = new List<QueuedWrite<T>>();
                pendingKeys = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                inFlight.Enqueue(batch);
                batch.Sent = Task.Factory.StartNew(() => Send(batch), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            }
        }

        private void Send(Batch batch)
        {
            List<RequestBody> bodies = new List<RequestBody>(batch.Items.Count);
            foreach (QueuedWrite<T> write in batch.Items) bodies.Add(write.Body);
            try
            {
                BatchAnswer<T> answer = client.CallBatch<T>(operation, batch.Id, bodies);
                if (answer == null || answer.Responses == null || answer.Responses.Count != batch.Items.Count)
                {
                    throw new BridgeFaultException("MicrosoftOnlineException", "The bridge answered a batch of " + batch.Items.Count + " with a different number of answers.");
                }
                for (int i = 0; i < batch.Items.Count; i++)
                {
                    BatchItemAnswer<T> item = answer.Responses[i];
                    if (item.Error != null)
                    {
                        ErrorDetail error = item.Error;
                        batch.Items[i].Fault = Faults.FromBridge(error.Code, error.Message, error.Field, error.AllowedValues, item.Status);
                    }
                    else
                    {
                        batch.Items[i].Answer = item.Body;
                    }
                }
            }
            catch (MicrosoftOnlineException fault)
            {
                // The batch was refused whole, or the bridge was not reached: every object failed alike.
                foreach (QueuedWrite<T> write in batch.Items) write.Fault = fault;
            }
            lock (gate)
            {
                foreach (QueuedWrite<T> write in batch.Items)
                {
                    answered++;
                    if (write.Fault == null) written++;
                    else if (write.Fault.FaultName != StoppedCode) failed++;
                }
            }
        }

        /// <summary>Starts no more writes, lets the bridge finish those it started, and says what
        /// became of every object submitted (PowerShell's stop thread calls it on Ctrl+C).</summary>
        public string Stop()
        {
            List<Batch> running;
            List<QueuedWrite<T>> notSent;
            lock (gate)
            {
                if (stopped) return null;
                stopped = true;
                running = new List<Batch>(inFlight);
                notSent = pending;
                pending = new List<QueuedWrite<T>>();
            }
            List<Task> waits = new List<Task>();
            foreach (Batch batch in running)
            {
                waits.Add(batch.Sent);
                if (batch.Sent.IsCompleted) continue;
                try { client.StopBatch(batch.Id); }
                catch (MicrosoftOnlineException) { }
            }
            bool settled = Task.WaitAll(waits.ToArray(), StopWait);
            List<string> notWritten = new List<string>();
            foreach (Batch batch in running)
            {
                foreach (QueuedWrite<T> write in batch.Items)
                {
                    if (write.Fault != null && write.Fault.FaultName == StoppedCode) notWritten.Add(write.Target);
                }
            }
            foreach (QueuedWrite<T> write in notSent) notWritten.Add(write.Target);
            lock (gate)
            {
                int unknown = submitted - answered - notSent.Count;
                string summary = string.Format(CultureInfo.InvariantCulture,
                    "{0} was stopped. Of {1} object(s): {2} written, {3} failed, {4} not written (never started, unchanged)",
                    operation, submitted, written, failed, notWritten.Count);
                if (!settled && unknown > 0) summary += string.Format(CultureInfo.InvariantCulture, ", {0} still under way at the bridge (each will finish whole; their outcome is not known here)", unknown);
                summary += ".";
                if (notWritten.Count > 0)
                {
                    const int shown = 20;
                    summary += " Not written: " + string.Join(", ", notWritten.GetRange(0, Math.Min(shown, notWritten.Count)).ToArray());
                    if (notWritten.Count > shown) summary += string.Format(CultureInfo.InvariantCulture, " and {0} more", notWritten.Count - shown);
                    summary += ".";
                }
                return summary;
            }
        }

        private static List<string> KeysOf(RequestBody body)
        {
            List<string> keys = new List<string>();
            foreach (string field in TargetFields)
            {
                string value = body.Text(field);
                if (!string.IsNullOrEmpty(value)) keys.Add(value);
            }
            return keys;
        }
    }
}
