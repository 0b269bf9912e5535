using System;
using System.Management.Automation;

namespace Microsoft.Online.Administration.Automation
{
    /// <summary>Get-MsolDevice: one device by -ObjectId or -DeviceId, the devices named -Name or
    /// registered by -RegisteredOwnerUpn, or every device (-All; system-managed Autopilot devices
    /// only with -IncludeSystemManagedDevices), optionally only those that last signed in before
    /// -LogonTimeBefore (UTC).</summary>
    [Cmdlet(VerbsCommon.Get, "MsolDevice", DefaultParameterSetName = ByNameSet)]
    [OutputType(typeof(Device))]
    public class GetDevice : MsolCmdlet
    {
        private const string ByNameSet = "GetDeviceByDeviceName";
        private const string AllSet = "GetDeviceAll";
        private const string ByDeviceIdSet = "GetDeviceByDeviceId";
        private const string ByLogonSet = "GetDeviceByLogonTimestamp";
        private const string ByObjectIdSet = "GetDeviceByObjectId";
        private const string ByOwnerSet = "GetDeviceByRegisteredOwner";

        [Parameter(ParameterSetName = ByNameSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
        public string Name { get; set; }

        [Parameter(ParameterSetName = AllSet, Mandatory = true)]
        public SwitchParameter All { get; set; }

        [Parameter(ParameterSetName = AllSet)]
        public SwitchParameter ReturnRegisteredOwners { get; set; }

        [Parameter(ParameterSetName = AllSet)]
        public SwitchParameter IncludeSystemManagedDevices { get; set; }

        [Parameter(ParameterSetName = ByDeviceIdSet, Mandatory = true, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        public Guid DeviceId { get; set; }

        [Parameter(ParameterSetName = ByLogonSet, Mandatory = true, ValueFromPipeline = true)]
        [Parameter(ParameterSetName = AllSet)]
        public DateTime LogonTimeBefore { get; set; }

        [Parameter(ParameterSetName = ByObjectIdSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
        public Guid ObjectId { get; set; }

        [Parameter(ParameterSetName = ByOwnerSet, Mandatory = true, ValueFromPipelineByPropertyName = true)]
        public string RegisteredOwnerUpn { get; set; }

        protected override object Target()
        {
            switch (ParameterSetName)
            {
                case ByNameSet: return Name;
                case ByDeviceIdSet: return DeviceId;
                case ByObjectIdSet: return ObjectId;
                case ByOwnerSet: return RegisteredOwnerUpn;
                default: return null;
            }
        }

        protected override void ProcessOne()
        {
            // MSOnline took -LogonTimeBefore as UTC: a time given without a zone is UTC, not local.
            if (LogonTimeBefore.Kind == DateTimeKind.Unspecified)
                LogonTimeBefore = DateTime.SpecifyKind(LogonTimeBefore, DateTimeKind.Utc);
            Stream<Device>(BoundBody(), "devices", All.IsPresent);
        }
    }
}
