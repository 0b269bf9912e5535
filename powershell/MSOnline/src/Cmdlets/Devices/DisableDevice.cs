using System.Management.Automation;

namespace Microsoft.Online.Administration.Automation
{
    /// <summary>Disable-MsolDevice: disables a device, so that it can no longer sign in (Enable-MsolDevice undoes it).</summary>
    [Cmdlet(VerbsLifecycle.Disable, "MsolDevice", SupportsShouldProcess = true, DefaultParameterSetName = ByDeviceIdSet)]
    public class DisableDevice : DeviceChangeCmdlet
    {
        protected override string Action { get { return "Disable-MsolDevice"; } }

        protected override string WhatItDoes { get { return "disables a device"; } }
    }
}
