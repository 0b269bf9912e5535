using System.Management.Automation;

namespace Microsoft.Online.Administration.Automation
{
    /// <summary>Remove-MsolDevice: deletes a device for good; the device must register again.</summary>
    [Cmdlet(VerbsCommon.Remove, "MsolDevice", SupportsShouldProcess = true, DefaultParameterSetName = ByDeviceIdSet)]
    public class RemoveDevice : DeviceChangeCmdlet
    {
        protected override string Action { get { return "Remove-MsolDevice"; } }

        protected override string WhatItDoes { get { return "removes a device"; } }
    }
}
