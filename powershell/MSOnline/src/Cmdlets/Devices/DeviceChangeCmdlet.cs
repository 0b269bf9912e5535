using System;
using System.Management.Automation;

namespace Microsoft.Online.Administration.Automation
{
    /// <summary>What Enable-, Disable- and Remove-MsolDevice share: the device by -DeviceId (the
    /// default; a piped Device binds it) or -ObjectId, and asking first unless -Force (as MSOnline
    /// did) or -Confirm:$false.</summary>
    public abstract class DeviceChangeCmdlet : MsolCmdlet
    {
        protected const string ByDeviceIdSet = "ByDeviceId";
        protected const string ByObjectIdSet = "ByObjectId";

        [Parameter(ParameterSetName = ByDeviceIdSet, Mandatory = true, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        public Guid DeviceId { get; set; }

        [Parameter(ParameterSetName = ByObjectIdSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
        public Guid ObjectId { get; set; }

        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>What -WhatIf says the cmdlet does ("Disable-MsolDevice").</summary>
        protected abstract string Action { get; }

        /// <summary>Completes "asks before it ...": "disables a device".</summary>
        protected abstract string WhatItDoes { get; }

        protected override object Target()
        {
            return ParameterSetName == ByObjectIdSet ? ObjectId : DeviceId;
        }

        protected override void ProcessOne()
        {
            string target = (ParameterSetName == ByObjectIdSet ? "ObjectId " + ObjectId : "DeviceId " + DeviceId);
            if (!ShouldProcess(target, Action)) return;
            if (!Force && !AskToContinue(Action + " (" + target + ")?", WhatItDoes)) return;
            Submit<WriteOutcome>(BoundBody("Force"), target, outcome => ReportOutcome(target, outcome));
        }
    }
}
