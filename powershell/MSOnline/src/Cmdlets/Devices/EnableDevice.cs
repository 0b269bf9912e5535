using System.Management.Automation;

namespace Microsoft.Online.Administration.Automation
{
    /// <summary>Enable-MsolDevice: enables a device, so that it can sign in again.</summary>
    [Cmdlet(VerbsLifecycle.Enable, "MsolDevice", SupportsShouldProcess = true, DefaultParameterSetName = ByDeviceIdSet)]
    public class EnableDevice : DeviceChangeCmdlet
    {
        protected override string Action { get { return "Enable-MsolDevice"; } }

        protected override string WhatItDoes { get { return "enables a device"; } }
    }
}
